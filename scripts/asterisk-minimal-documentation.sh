#!/usr/bin/env bash
# Asterisk refuses to start ("Stasis initialization failed") when its XML documentation is missing: every module that
# registers a configuration type looks the type up in <astdatadir>/documentation/*-en_US.xml and fails without it.
# `make install` puts that file in place; a build installed without it (as the test build CI installs) has none.
# This writes a minimal documentation file naming the configuration types of the modules asterisk-config/ loads, so
# such a build starts. It does nothing when documentation is already there (a normal install).
#   usage: asterisk-minimal-documentation.sh [astdatadir=/var/lib/asterisk]
set -euo pipefail
datadir=${1:-/var/lib/asterisk}
docs="$datadir/documentation"
if compgen -G "$docs/*-en_US.xml" >/dev/null; then exit 0; fi
mkdir -p "$docs"
# module: its configuration types (names as Asterisk 22 registers them)
types=(
  "stasis: declined_message_types threadpool taskpool"
  "res_statsd: global"
  "cdr: general"
  "cel: general"
  "features: globals featuremap applicationmap featuregroup"
  "named_acl: named_acl"
  "udptl: global"
  "res_geolocation: location profile"
  "res_pjproject: log_mappings"
  "res_aeap: client"
  "res_websocket_client: websocket_client"
  "chan_websocket: global"
  "res_ari: general user outbound_websocket"
  "res_parking: globals parking_lot"
  "app_agent_pool: global agent-id"
  "app_confbridge: bridge_profile user_profile menu global"
  "res_pjsip: system auth endpoint transport contact aor domain_alias global"
  "res_pjsip_endpoint_identifier_ip: identify"
  "res_pjsip_pubsub: subscription_persistence resource_list inbound-publication"
  "res_pjsip_outbound_publish: outbound-publish"
  "res_pjsip_outbound_registration: registration"
  "res_pjsip_acl: acl"
  "res_pjsip_notify: notify"
  "res_prometheus: general"
  "res_pjsip_publish_asterisk: asterisk-publication"
)
{
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo '<!-- Minimal: configuration type names only, so that a build installed without its documentation starts. -->'
  echo '<docs xmlns:xi="http://www.w3.org/2001/XInclude">'
  for line in "${types[@]}"; do
    module=${line%%:*}
    echo "  <configInfo name=\"$module\" language=\"en_US\"><synopsis>$module</synopsis><configFile name=\"$module.conf\">"
    for t in ${line#*:}; do echo "    <configObject name=\"$t\"><synopsis>$t</synopsis></configObject>"; done
    echo "  </configFile></configInfo>"
  done
  echo '</docs>'
} > "$docs/core-en_US.xml"
echo "wrote a minimal Asterisk documentation file: $docs/core-en_US.xml"
