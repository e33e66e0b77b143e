#!/usr/bin/env bash
# The README's walkthrough as one script: a new reseller from token to `active`, then a
# partnership with the demo provider. Needs `npm start` running, curl and jq.
set -euo pipefail
API=${API:-http://127.0.0.1:3000}
SECRET=${VETTING_WEBHOOK_SECRET:-whsec_bG9jYWwtdmV0dGluZy1zZWNyZXQtY2hhbmdlLW1l}
RUN=$(date +%s)
TENANT="tenant-walkthrough-$RUN"
CONTACT="jonas.keller+$RUN@fabrikam.example"
PARTNER_ID="77$RUN"
json() { curl -sS -H 'content-type: application/json' "$@"; }
token() { json -X POST "$API/_local/tokens" -d "$1" | jq -r .token; }

# 1. Tokens: the operator, and the reseller tenant's global admin (country DE).
OPERATOR=$(token '{"tenantId":"tenant-operator","tenantCountry":"US","email":"operator@partner-program.example","roles":["operator"]}')
ADMIN=$(token "{\"tenantId\":\"$TENANT\",\"tenantCountry\":\"DE\",\"email\":\"admin@fabrikam.example\",\"roles\":[\"global_admin\"]}")

# 2. The operator registers the reseller's partner ID (ENR-3).
json -X PUT "$API/operator/partner-ids/$PARTNER_ID" -H "authorization: Bearer $OPERATOR" \
  -d '{"legalName":"Fabrikam Reseller GmbH","country":"DE","status":"active"}' | jq -c .

# 3. The global admin enrolls the tenant → 202, pending_contact_verification.
ENROLLMENT=$(json -X POST "$API/enrollments" -H "authorization: Bearer $ADMIN" -H "idempotency-key: enroll-$RUN" -d "{
  \"partnerId\": \"$PARTNER_ID\",
  \"company\": {\"legalName\": \"Fabrikam Reseller GmbH\", \"address\": {\"line1\": \"Friedrichstraße 10\", \"city\": \"Berlin\", \"postalCode\": \"10117\", \"country\": \"DE\"}},
  \"primaryContact\": {\"firstName\": \"Jonas\", \"lastName\": \"Keller\", \"email\": \"$CONTACT\", \"language\": \"de\"},
  \"supportContact\": {\"email\": \"support@fabrikam.example\", \"website\": \"https://fabrikam.example\"}
}" | jq -r .id)
echo "enrollment $ENROLLMENT"

# 4. The contact's verification email (read it at $API/_local/inbox too); confirm with POST.
for _ in $(seq 50); do
  LINK=$(curl -sS -G "$API/_local/emails" --data-urlencode "to=$CONTACT" | jq -r '.[0].links[]? | select(contains("/verify/"))')
  [ -n "$LINK" ] && break || sleep 0.2
done
curl -sS -o /dev/null -w 'GET  verify page → %{http_code}\n' "$LINK"
curl -sS -o /dev/null -w 'POST verify      → %{http_code}\n' -X POST "$LINK"

# 5. The vetting service approves, signed like Standard Webhooks: base64(HMAC-SHA256(secret, "id.timestamp.body")).
BODY="{\"type\":\"vetting.completed\",\"data\":{\"enrollmentId\":\"$ENROLLMENT\",\"outcome\":\"approved\",\"reasons\":[]}}"
NOW=$(curl -sS -X POST "$API/_local/clock" -H 'content-type: application/json' -d '{"advanceSeconds":0}' | jq -r .now)
TS=$(date -d "$NOW" +%s)
MSG_ID="msg_$RUN"
SIG=$(printf '%s' "$MSG_ID.$TS.$BODY" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$(printf '%s' "${SECRET#whsec_}" | base64 -d | xxd -p -c 256)" -binary | base64)
curl -sS -o /dev/null -w 'vetting webhook  → %{http_code}\n' -X POST "$API/webhooks/vetting" -H 'content-type: application/json' \
  -H "webhook-id: $MSG_ID" -H "webhook-timestamp: $TS" -H "webhook-signature: v1,$SIG" -d "$BODY"

# 6. The global admin accepts the current partner agreement (MPA-2) → 201.
VERSION=$(curl -sS "$API/agreements/current" -H "authorization: Bearer $ADMIN" | jq -r .version)
json -X POST "$API/partners/me/agreements" -H "authorization: Bearer $ADMIN" -d "{\"version\":\"$VERSION\",\"accept\":true}" | jq -c '{version, acceptedAt}'

# 7. Active (MPA-4).
sleep 1
curl -sS "$API/enrollments/$ENROLLMENT" -H "authorization: Bearer $ADMIN" | jq -c '{status, currentlyDue: .requirements.currentlyDue}'

# 8. The demo provider (Contoso Distribution GmbH, DE) invites the reseller; the reseller accepts.
PROVIDER=$(token '{"tenantId":"tenant-provider-de","tenantCountry":"DE","email":"admin@contoso-distribution.example","roles":["global_admin"]}')
INVITE=$(json -X POST "$API/partnership-requests" -H "authorization: Bearer $PROVIDER" -d "{\"email\":\"partners+$RUN@fabrikam.example\",\"language\":\"de\"}")
echo "$INVITE" | jq -c '{id, status, expiresAt, subject: .draft.subject}'
INVITATION_TOKEN=$(echo "$INVITE" | jq -r .link | sed 's#.*/invitations/##')
json -X POST "$API/invitations/$INVITATION_TOKEN/accept" -H "authorization: Bearer $ADMIN" -d '{"authorize":true}' | jq -c '{id, state, grants, canTransact}'
curl -sS "$API/relationships?type=indirect_reseller" -H "authorization: Bearer $PROVIDER" | jq -c '[.data[] | .resellerName]'
