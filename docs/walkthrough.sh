#!/usr/bin/env bash
# A new reseller from token to `active`, then a partnership with the demo provider.
# Needs `npm start` running (same PORT), and curl, jq, openssl, base64 and od.
# Each run uses a fresh tenant and partner ID, so it can be run again and again.
set -euo pipefail
API=${API:-http://127.0.0.1:${PORT:-3000}}
RUN=$(date +%s)
TENANT="tenant-walkthrough-$RUN"
PARTNER_ID="77$RUN"
CONTACT="jonas.keller+$RUN@fabrikam.example"
json() { curl -sS -H 'content-type: application/json' "$@"; }
token() { json -X POST "$API/_local/tokens" -d "$1" | jq -r .token; }

# 1. Tokens: the operator, and the new reseller tenant's global admin (country DE).
OPERATOR=$(token '{"tenantId":"tenant-operator","tenantCountry":"US","email":"operator@partner-program.example","roles":["operator"]}')
ADMIN=$(token "{\"tenantId\":\"$TENANT\",\"tenantCountry\":\"DE\",\"email\":\"admin@fabrikam.example\",\"roles\":[\"global_admin\"]}")

# 2. The operator registers the reseller's partner ID (ENR-3: it must exist, be active, same country).
json -X PUT "$API/operator/partner-ids/$PARTNER_ID" -H "authorization: Bearer $OPERATOR" \
  -d "{\"legalName\":\"Fabrikam Reseller $RUN GmbH\",\"country\":\"DE\",\"status\":\"active\"}" | jq -c .

# 3. The global admin enrolls the tenant (ENR-1..6) → 202, pending_contact_verification; a verification email goes out.
ENROLLMENT=$(json -X POST "$API/enrollments" -H "authorization: Bearer $ADMIN" -H "idempotency-key: enroll-$RUN" -d "{
  \"partnerId\": \"$PARTNER_ID\",
  \"company\": {\"legalName\": \"Fabrikam Reseller $RUN GmbH\", \"address\": {\"line1\": \"Friedrichstraße 10\", \"city\": \"Berlin\", \"postalCode\": \"10117\", \"country\": \"DE\"}},
  \"primaryContact\": {\"firstName\": \"Jonas\", \"lastName\": \"Keller\", \"email\": \"$CONTACT\", \"language\": \"de\"},
  \"supportContact\": {\"email\": \"support@fabrikam.example\", \"website\": \"https://fabrikam.example\"}
}" | jq -r .id)
echo "enrollment $ENROLLMENT"

# 4. The contact opens the emailed link (GET shows a page and changes nothing, ENR-7) and confirms (POST).
#    The same email is in the browser at $API/_local/inbox.
settle() { curl -sS -o /dev/null -X POST "$API/_local/settle"; }   # returns once every workflow is parked
settle
LINK=$(curl -sS -G "$API/_local/emails" --data-urlencode "to=$CONTACT" | jq -r '[.[0].links[] | select(contains("/verify/"))][0]')
curl -sS -o /dev/null -w 'GET  verify page → %{http_code}\n' "$LINK"
curl -sS -o /dev/null -w 'POST verify      → %{http_code}\n' -X POST "$LINK"

# 5. The vetting service approves (ENR-8), signed as Standard Webhooks does:
#    v1,base64(HMAC-SHA256(key, "id.timestamp.body")), key = the base64 part of the whsec_ secret.
#    The timestamp comes from the local clock (which POST /_local/clock moves), not from `date`.
SECRET=${VETTING_WEBHOOK_SECRET:-whsec_bG9jYWwtdmV0dGluZy1zZWNyZXQtY2hhbmdlLW1l}
BODY="{\"type\":\"vetting.completed\",\"data\":{\"enrollmentId\":\"$ENROLLMENT\",\"outcome\":\"approved\",\"reasons\":[]}}"
TS=$(json -X POST "$API/_local/clock" -d '{"advanceSeconds":0}' | jq -r '.now | sub("\\.[0-9]+Z$"; "Z") | fromdateiso8601')
MSG_ID="msg_$RUN"
KEY=$(printf '%s' "${SECRET#whsec_}" | base64 -d | od -An -v -tx1 | tr -d ' \n')
SIG=$(printf '%s' "$MSG_ID.$TS.$BODY" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$KEY" -binary | base64)
curl -sS -o /dev/null -w 'vetting webhook  → %{http_code}\n' -X POST "$API/webhooks/vetting" -H 'content-type: application/json' \
  -H "webhook-id: $MSG_ID" -H "webhook-timestamp: $TS" -H "webhook-signature: v1,$SIG" -d "$BODY"

# 6. The global admin accepts the current partner agreement (MPA-2) → 201.
VERSION=$(curl -sS "$API/agreements/current" -H "authorization: Bearer $ADMIN" | jq -r .version)
json -X POST "$API/partners/me/agreements" -H "authorization: Bearer $ADMIN" -d "{\"version\":\"$VERSION\",\"accept\":true}" | jq -c '{version, acceptedAt}'

# 7. Vetting approved + agreement accepted → active (MPA-4), once the workflow has moved on.
settle
curl -sS "$API/enrollments/$ENROLLMENT" -H "authorization: Bearer $ADMIN" | jq -c '{status, currentlyDue: .requirements.currentlyDue}'

# 8. The demo provider (Contoso Distribution GmbH, DE) invites the reseller (PRT-2); a reseller admin authorises it (PRT-4).
PROVIDER=$(token '{"tenantId":"tenant-provider-de","tenantCountry":"DE","email":"admin@contoso-distribution.example","roles":["global_admin"]}')
INVITE=$(json -X POST "$API/partnership-requests" -H "authorization: Bearer $PROVIDER" -d "{\"email\":\"partners+$RUN@fabrikam.example\",\"language\":\"de\"}")
echo "$INVITE" | jq -c '{id, status, expiresAt, subject: .draft.subject}'
INVITATION=$(echo "$INVITE" | jq -r .link)
json -X POST "$INVITATION/accept" -H "authorization: Bearer $ADMIN" -d '{"authorize":true}' | jq -c '{id, state, grants}'

# 9. Both sides see the partnership (PRT-5).
curl -sS "$API/relationships?type=indirect_reseller" -H "authorization: Bearer $PROVIDER" | jq -c "[.data[] | select(.resellerTenantId == \"$TENANT\") | .resellerName]"
curl -sS "$API/relationships?type=indirect_provider" -H "authorization: Bearer $ADMIN" | jq -c '[.data[].providerName]'
