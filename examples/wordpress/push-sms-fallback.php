<?php
/**
 * Plugin Name:       Push SMS Fallback
 * Description:       Offers an SMS opt-in to visitors who decline or cannot get web push (OneSignal). Shortcode: [push_sms_fallback].
 * Version:           0.1.0
 * Requires at least: 6.3
 * Requires PHP:      7.4
 * License:           MIT
 *
 * A minimal plugin: it loads the <push-sms-fallback> script as an ES module on the pages that use
 * the shortcode, and prints the element. It works beside the official OneSignal plugin (the
 * element reuses the OneSignal SDK that plugin loads and initialises) and without it (set app_id).
 * See docs/cms.md in the push-sms-fallback package.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

// Pin the version you tested; update it with the package.
const PUSH_SMS_FALLBACK_SRC = 'https://cdn.jsdelivr.net/npm/push-sms-fallback@0.1.0/dist/push-sms-fallback.js';

/** Registers the script; the shortcode enqueues it only where the element is used. */
function push_sms_fallback_register_script() {
	// No version query: the URL above is pinned already, and the module's lazily loaded chunks
	// (the form and its phone metadata) resolve next to it.
	wp_register_script( 'push-sms-fallback', PUSH_SMS_FALLBACK_SRC, array(), null, array( 'in_footer' => true ) );
}
add_action( 'wp_enqueue_scripts', 'push_sms_fallback_register_script' );

/**
 * The script is an ES module: print it with type="module" async (wp_enqueue_script prints classic
 * scripts). Optimisation plugins that combine or defer scripts should exclude this handle.
 */
function push_sms_fallback_module_tag( $tag, $handle, $src ) {
	if ( 'push-sms-fallback' !== $handle ) {
		return $tag;
	}
	return sprintf(
		'<script type="module" async src="%s" id="push-sms-fallback-js"></script>' . "\n",
		esc_url( $src )
	);
}
add_filter( 'script_loader_tag', 'push_sms_fallback_module_tag', 10, 3 );

/**
 * [push_sms_fallback endpoint="https://sms.example.com/api/sms-subscribe" terms_url="/terms"]
 *
 * Each shortcode attribute is the element attribute with underscores instead of dashes.
 */
function push_sms_fallback_shortcode( $atts ) {
	// WordPress passes a bare [push_sms_fallback reserve_space] as a value with a numeric key.
	if ( is_array( $atts ) && in_array( 'reserve_space', $atts, true ) ) {
		$atts['reserve_space'] = 'true';
	}
	$atts = shortcode_atts(
		array(
			'app_id'            => '', // not needed when the OneSignal plugin is active
			'endpoint'          => '', // your backend: see the package's docs/server.md
			'program_name'      => get_bloginfo( 'name' ),
			'terms_url'         => '',
			'privacy_url'       => (string) get_privacy_policy_url(),
			'message_frequency' => '',
			'countries'         => '',
			'default_country'   => '',
			'show_when'         => '',
			'layout'            => '',
			'consent_mode'      => '',
			'dismiss_days'      => '',
			'tag_key'           => '',
			'external_id'       => '', // your user id for OneSignal, if you use external ids
			'identity'          => '', // "segment": Segment's user id becomes the external id
			'analytics'         => '', // e.g. "segment gtm gtag": the sign-up funnel's events
			'lang'              => '', // default: the page's language
			'sdk_src'           => '', // a self-hosted OneSignal SDK
			'sdk_timeout'       => '',
			'reserve_space'     => '', // bare or "true": holds the inline form's height while it loads
		),
		$atts,
		'push_sms_fallback'
	);

	wp_enqueue_script( 'push-sms-fallback' );

	$html = '<push-sms-fallback';
	foreach ( $atts as $name => $value ) {
		$attribute = str_replace( '_', '-', $name );
		if ( 'reserve_space' === $name ) {
			// A boolean attribute: present or absent, never reserve-space="false" (which would be on).
			if ( in_array( strtolower( trim( (string) $value ) ), array( '1', 'true', 'yes', 'on' ), true ) ) {
				$html .= ' ' . $attribute;
			}
		} elseif ( '' !== $value ) {
			$html .= sprintf( ' %s="%s"', $attribute, esc_attr( $value ) );
		}
	}
	return $html . '></push-sms-fallback>';
}
add_shortcode( 'push_sms_fallback', 'push_sms_fallback_shortcode' );
