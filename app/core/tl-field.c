/* tl-field.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-field"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tl-field.h"

typedef struct
{
  const char  *key;
  const char  *label;
  TlFieldKind  kind;
  const char  *synonyms[10];   /* NULL-terminated */
} FieldInfo;

/* Synonyms are compared after normalization (see tl_header_normalize), so
 * "Account ID", "account_id" and "AccountId" are the same header. "Annual
 * Revenue" is absent on purpose: in a CRM it is the customer's own company
 * revenue, not what the customer pays. */
static const FieldInfo fields[TL_N_FIELDS] = {
  [TL_FIELD_ID] = { "id", N_("Account ID"), TL_FIELD_KIND_TEXT,
    { "Account ID", "Id", "Customer ID", "Company ID", "Record ID", "Account Number" } },
  [TL_FIELD_NAME] = { "name", N_("Account name"), TL_FIELD_KIND_TEXT,
    { "Account Name", "Account", "Name", "Company", "Company Name", "Customer",
      "Organization", "Customer Name" } },
  [TL_FIELD_ARR] = { "arr", N_("ARR"), TL_FIELD_KIND_MONEY,
    { "ARR", "Annual Recurring Revenue", "Current ARR", "ACV" } },
  [TL_FIELD_MRR] = { "mrr", N_("MRR"), TL_FIELD_KIND_MONEY,
    { "MRR", "Monthly Recurring Revenue" } },
  [TL_FIELD_SEATS_LICENSED] = { "seats_licensed", N_("Licensed seats"), TL_FIELD_KIND_COUNT,
    { "Seats", "Licensed Seats", "Seats Purchased", "Total Seats", "Licenses" } },
  [TL_FIELD_SEATS_USED] = { "seats_used", N_("Seats used"), TL_FIELD_KIND_COUNT,
    { "Seats Used", "Active Seats", "Active Users", "Active Licenses", "Used Seats" } },
  [TL_FIELD_DAU] = { "dau", N_("Daily active users"), TL_FIELD_KIND_COUNT,
    { "DAU", "Daily Active Users" } },
  [TL_FIELD_MAU] = { "mau", N_("Monthly active users"), TL_FIELD_KIND_COUNT,
    { "MAU", "Monthly Active Users" } },
  [TL_FIELD_DAU_MAU] = { "dau_mau", N_("DAU/MAU"), TL_FIELD_KIND_RATIO,
    { "DAU/MAU", "Stickiness" } },
  [TL_FIELD_FEATURES_USED] = { "features_used", N_("Features used"), TL_FIELD_KIND_COUNT,
    { "Features Used" } },
  [TL_FIELD_FEATURES_AVAILABLE] = { "features_available", N_("Features available"),
    TL_FIELD_KIND_COUNT, { "Features Available" } },
  [TL_FIELD_ADOPTION] = { "adoption", N_("Feature adoption"), TL_FIELD_KIND_RATIO,
    { "Feature Adoption", "Adoption" } },
  [TL_FIELD_CSAT] = { "csat", N_("CSAT"), TL_FIELD_KIND_SCORE,
    { "CSAT", "CSAT Score", "Support CSAT" } },
  [TL_FIELD_ESCALATIONS] = { "escalations", N_("Open escalations"), TL_FIELD_KIND_COUNT,
    { "Open Escalations", "Escalations" } },
  [TL_FIELD_EXEC_SPONSOR] = { "exec_sponsor", N_("Executive sponsor"), TL_FIELD_KIND_BOOLEAN,
    { "Exec Sponsor", "Executive Sponsor", "Exec Access" } },
  [TL_FIELD_CHAMPION] = { "champion", N_("Champion"), TL_FIELD_KIND_BOOLEAN,
    { "Champion", "Champion Active" } },
  [TL_FIELD_NPS] = { "nps", N_("NPS"), TL_FIELD_KIND_SCORE,
    { "NPS", "NPS Score", "Net Promoter Score" } },
  [TL_FIELD_FEATURE_REQUESTS] = { "feature_requests", N_("Feature requests"),
    TL_FIELD_KIND_COUNT, { "Feature Requests", "Upgrade Requests" } },
  [TL_FIELD_GROWTH] = { "growth", N_("Headcount growth"), TL_FIELD_KIND_PERCENT,
    { "Headcount Growth", "Employee Growth" } },
  [TL_FIELD_TEAMS] = { "teams", N_("Teams"), TL_FIELD_KIND_COUNT,
    { "Teams", "Teams Using", "Departments" } },
  [TL_FIELD_API_CALLS] = { "api_calls", N_("API calls"), TL_FIELD_KIND_COUNT,
    { "API Calls", "API Calls (30d)" } },
  [TL_FIELD_API_CALLS_PREV] = { "api_calls_prev", N_("API calls, previous period"),
    TL_FIELD_KIND_COUNT, { "API Calls Prev", "API Calls Previous" } },
  [TL_FIELD_OWNER] = { "owner", N_("Owner"), TL_FIELD_KIND_TEXT,
    { "CSM", "Owner", "Account Owner", "Customer Success Manager" } },
  [TL_FIELD_RENEWAL] = { "renewal", N_("Renewal date"), TL_FIELD_KIND_DATE,
    { "Renewal Date", "Contract End Date", "Renewal" } },
  [TL_FIELD_CURRENT_TIER] = { "current_tier", N_("Current tier"), TL_FIELD_KIND_TEXT,
    { "Tier", "Segment", "CS Tier" } },
  [TL_FIELD_HEALTH_EXTERNAL] = { "health_external", N_("Health score from file"),
    TL_FIELD_KIND_SCORE, { "Health Score", "Health" } },
};

/* Returns the field's key as the command line and model files spell it. */
const char *
tl_field_get_key (TlField field)
{
  g_return_val_if_fail (field < TL_N_FIELDS, NULL);

  return fields[field].key;
}

/* Returns the field's translated name for people. */
const char *
tl_field_get_label (TlField field)
{
  g_return_val_if_fail (field < TL_N_FIELDS, NULL);

  return _(fields[field].label);
}

TlFieldKind
tl_field_get_kind (TlField field)
{
  g_return_val_if_fail (field < TL_N_FIELDS, TL_FIELD_KIND_TEXT);

  return fields[field].kind;
}

/* Returns the NULL-terminated list of headers that name the field. */
const char * const *
tl_field_get_synonyms (TlField field)
{
  g_return_val_if_fail (field < TL_N_FIELDS, NULL);

  return fields[field].synonyms;
}

/* Finds the field whose key is @key, ignoring case and taking '-' for '_'. */
gboolean
tl_field_from_key (const char *key,
                   TlField    *field)
{
  g_autofree char *canonical = NULL;

  g_return_val_if_fail (key != NULL, FALSE);

  canonical = g_ascii_strdown (key, -1);
  g_strdelimit (canonical, "-", '_');

  for (guint i = 0; i < TL_N_FIELDS; i++)
    {
      if (strcmp (canonical, fields[i].key) == 0)
        {
          if (field != NULL)
            *field = i;
          return TRUE;
        }
    }

  return FALSE;
}
