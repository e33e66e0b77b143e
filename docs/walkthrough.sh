#!/usr/bin/env bash
# A new reseller from token to `active`, then a partnership with the demo provider, then a
# customer of the reseller, its order with the reseller as partner of record and its subscriptions.
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

# 10. The operator puts two offers into the catalogue (201 new, 200 updated); partners list the active ones.
json -X PUT "$API/operator/offers/m365-business-standard" -H "authorization: Bearer $OPERATOR" \
  -d '{"name":"Microsoft 365 Business Standard","minQuantity":1,"maxQuantity":300,"status":"active"}' | jq -c '{id, status}'
json -X PUT "$API/operator/offers/defender-business" -H "authorization: Bearer $OPERATOR" \
  -d '{"name":"Defender for Business","minQuantity":5,"maxQuantity":300,"status":"active"}' | jq -c '{id, status}'
curl -sS "$API/offers" -H "authorization: Bearer $PROVIDER" | jq -c '[.data[].id]'

# 11. The provider creates a customer associated with its reseller (CUS-1): the 201 carries the
#      admin's one-time credentials (CUS-2) — never again, not even for a replay of the same request.
CUSTOMER=$(json -X POST "$API/customers" -H "authorization: Bearer $PROVIDER" -H "idempotency-key: customer-$RUN" -d "{
  \"company\": {\"legalName\": \"Northwind Traders GmbH\", \"address\": {\"line1\": \"Domstraße 1\", \"city\": \"Köln\", \"postalCode\": \"50667\", \"country\": \"DE\"}},
  \"domain\": \"northwind-$RUN.example\",
  \"primaryContact\": {\"firstName\": \"Nina\", \"lastName\": \"Nord\", \"email\": \"nina+$RUN@northwind.example\", \"language\": \"de\"},
  \"resellerTenantId\": \"$TENANT\"}")
echo "$CUSTOMER" | jq -c '{id, customerTenantId, relationships: [.relationships[].type], userName: .adminCredentials.userName}'
CUSTOMER_ID=$(echo "$CUSTOMER" | jq -r .id)
USER_NAME=$(echo "$CUSTOMER" | jq -r .adminCredentials.userName)
PASSWORD=$(echo "$CUSTOMER" | jq -r .adminCredentials.temporaryPassword)

# 12. The customer's admin signs in: the temporary password works once, and a new one is required (409, then 200).
json -X POST "$API/_local/password-sign-in" -d "{\"userName\":\"$USER_NAME\",\"password\":\"$PASSWORD\"}" | jq -c .error.code
CUSTOMER_TOKEN=$(json -X POST "$API/_local/password-sign-in" -d "{\"userName\":\"$USER_NAME\",\"password\":\"$PASSWORD\",\"newPassword\":\"Northwind-$RUN-pass!\"}" | jq -r .token)
curl -sS "$API/customers/$CUSTOMER_ID" -H "authorization: Bearer $CUSTOMER_TOKEN" | jq -c '{id, adminCredentials}'

# 13. The provider orders with the reseller's partner ID as partner of record (CUS-4). It has not accepted
#      the agreement yet → 422 MPA-1 (on the first run); once it has, the draft is created (201) and submitted (202).
ORDER_BODY="{\"lineItems\":[{\"offerId\":\"m365-business-standard\",\"quantity\":25,\"partnerIdOnRecord\":\"$PARTNER_ID\"},{\"offerId\":\"defender-business\",\"quantity\":25}]}"
if [ "$(curl -sS "$API/partners/me" -H "authorization: Bearer $PROVIDER" | jq -r .isAgreementSigned)" != true ]; then
  json -X POST "$API/customers/$CUSTOMER_ID/orders" -H "authorization: Bearer $PROVIDER" -d "$ORDER_BODY" | jq -c '.error | {rule, code}'
  VERSION=$(curl -sS "$API/agreements/current" -H "authorization: Bearer $PROVIDER" | jq -r .version)
  json -X POST "$API/partners/me/agreements" -H "authorization: Bearer $PROVIDER" -d "{\"version\":\"$VERSION\",\"accept\":true}" > /dev/null
fi
ORDER_ID=$(json -X POST "$API/customers/$CUSTOMER_ID/orders" -H "authorization: Bearer $PROVIDER" -d "$ORDER_BODY" | jq -r .id)
json -X POST "$API/orders/$ORDER_ID/submit" -H "authorization: Bearer $PROVIDER" | jq -c '{id, status}'

# 14. The workflow provisions one subscription per line item, exactly once, and emails the confirmation.
settle
curl -sS "$API/orders/$ORDER_ID" -H "authorization: Bearer $PROVIDER" | jq -c '{status, subscriptions: [.lineItems[].subscriptionId]}'
curl -sS "$API/customers/$CUSTOMER_ID/subscriptions" -H "authorization: Bearer $ADMIN" | jq -c '[.data[] | {offerName, quantity, partnerIdOnRecord}]'
curl -sS "$API/_local/emails?to=nina%2B$RUN@northwind.example" | jq -c '[.[].subject]'

# 15. The provider changes a subscription and makes the reseller its support contact (CUS-5); both are in its history.
SUBSCRIPTION_ID=$(curl -sS "$API/orders/$ORDER_ID" -H "authorization: Bearer $PROVIDER" | jq -r '.lineItems[0].subscriptionId')
json -X PATCH "$API/subscriptions/$SUBSCRIPTION_ID" -H "authorization: Bearer $PROVIDER" -d '{"quantity":30}' | jq -c '{quantity}'
json -X PUT "$API/subscriptions/$SUBSCRIPTION_ID/support-contact" -H "authorization: Bearer $PROVIDER" -d "{\"tenantId\":\"$TENANT\"}" \
  | jq -c '{supportContact, history: [.history[].action]}'
