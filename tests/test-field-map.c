/* test-field-map.c
 *
 * Copyright 2026 The Tierline developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-field-map"

#include <string.h>

#include "tl-field-map.h"

static TlFieldMap *
map_from (const char * const *headers)
{
  return tl_field_map_new (headers, g_strv_length ((char **) headers));
}

static void
assert_column (const TlFieldMap *map,
               TlField           field,
               int               column,
               TlMatch           match)
{
  g_test_message ("field %s", tl_field_get_key (field));
  g_assert_cmpint (tl_field_map_get_column (map, field), ==, column);
  g_assert_cmpint (tl_field_map_get_match (map, field), ==, match);
}

static void
assert_unmatched (const TlFieldMap *map,
                  TlField           field)
{
  assert_column (map, field, -1, TL_MATCH_NONE);
}

/* Normalization */

typedef struct
{
  const char *header;
  const char *normalized;
} NormalizeCase;

static const NormalizeCase normalize_cases[] = {
  { "ARR (USD)", "arr" },
  { "Adoption %", "adoption" },
  { "customerID", "customerid" },
  { "API Calls (30d)", "apicalls30d" },
  { "arr_eur", "arr" },
  { "Account ID", "accountid" },
  { "account_id", "accountid" },
  { "Account-ID", "accountid" },
  { "account.id", "accountid" },
  { "AccountId", "accountid" },
  { "DAU/MAU", "daumau" },
  { "# Seats", "seats" },
  { "MRR $", "mrr" },
  { "MRR (\xe2\x82\xac)", "mrr" },
  { "Current ARR (GBP)", "currentarr" },
  { "  Total ARR  ", "totalarr" },
  { "APICalls", "apicalls" },
  { "Seats Used", "seatsused" },
  /* A header that is only a unit keeps it, or nothing would be left. */
  { "USD", "usd" },
};

static void
test_field_map_normalize (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (normalize_cases); i++)
    {
      g_autofree char *normalized = tl_header_normalize (normalize_cases[i].header);

      g_test_message ("header '%s'", normalize_cases[i].header);
      g_assert_cmpstr (normalized, ==, normalize_cases[i].normalized);
    }
}

static void
test_field_map_normalize_invalid_utf8 (void)
{
  /* A header whose bytes are not UTF-8 still ends at its NUL. The lead
   * byte before the NUL must not pull the bytes after it into the header. */
  static const char header[] = "caf\xe9\0yz";
  g_autofree char *normalized = tl_header_normalize (header);

  g_assert_cmpstr (normalized, ==, "caf");
}

static void
test_field_map_invalid_utf8_header (void)
{
  const char *headers[] = { "Account", "ARR \xe9", NULL };
  g_autoptr(TlFieldMap) map = map_from (headers);

  assert_column (map, TL_FIELD_NAME, 0, TL_MATCH_EXACT);
  assert_column (map, TL_FIELD_ARR, 1, TL_MATCH_EXACT);
}

static void
test_field_map_many_headers (void)
{
  /* The synonyms are split once, not once per header, so 100,000 columns
   * match in a fraction of a second. */
  guint n = 100000;
  g_autofree const char **headers = g_new (const char *, n);
  g_autoptr(TlFieldMap) map = NULL;

  for (guint c = 0; c < n; c++)
    headers[c] = "Notes";
  headers[n - 2] = "Account Name";
  headers[n - 1] = "ARR";
  map = tl_field_map_new (headers, n);

  assert_column (map, TL_FIELD_NAME, n - 2, TL_MATCH_EXACT);
  assert_column (map, TL_FIELD_ARR, n - 1, TL_MATCH_EXACT);
}

static void
test_field_map_long_header (void)
{
  /* A header of 100,000 words is searched for changing words once, not
   * once per synonym. */
  g_autoptr(GString) header = g_string_new (NULL);
  const char *headers[] = { "Account", NULL, NULL };
  g_autoptr(TlFieldMap) map = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (header, "notes ");
  g_string_append (header, "ARR");
  headers[1] = header->str;
  map = map_from (headers);

  assert_column (map, TL_FIELD_NAME, 0, TL_MATCH_EXACT);
  assert_column (map, TL_FIELD_ARR, 1, TL_MATCH_WEAK);
}

/* Header sets of real exports */

static const char *const subscription_headers[] = {
  "subscription_id", "account_id", "start_date", "end_date", "plan_tier", "seats",
  "mrr_amount", "arr_amount", "is_trial", "upgrade_flag", "downgrade_flag", "churn_flag",
  "billing_frequency", "auto_renew_flag", NULL
};

static void
test_field_map_subscription_export (void)
{
  g_autoptr(TlFieldMap) map = map_from (subscription_headers);
  g_autoptr(GError) error = NULL;

  /* account_id equals the synonym "Account ID". subscription_id only
   * contains "Id" and loses to it. */
  assert_column (map, TL_FIELD_ID, 1, TL_MATCH_EXACT);
  assert_column (map, TL_FIELD_ARR, 7, TL_MATCH_WEAK);
  assert_column (map, TL_FIELD_MRR, 6, TL_MATCH_WEAK);
  assert_column (map, TL_FIELD_SEATS_LICENSED, 5, TL_MATCH_EXACT);
  assert_column (map, TL_FIELD_CURRENT_TIER, 4, TL_MATCH_WEAK);
  assert_unmatched (map, TL_FIELD_NAME);
  assert_unmatched (map, TL_FIELD_SEATS_USED);
  assert_unmatched (map, TL_FIELD_RENEWAL);
  g_assert_null (tl_field_map_get_candidates (map, TL_FIELD_ID, NULL));
  g_assert_true (tl_field_map_validate (map, &error));
  g_assert_no_error (error);
}

static const char *const crm_headers[] = {
  "Id", "IsDeleted", "Name", "Type", "ParentId", "BillingCity", "BillingState",
  "BillingPostalCode", "BillingLatitude", "BillingLongitude", "Industry", "AnnualRevenue",
  "NumberOfEmployees", "Ownership", "Rating", "LastActivityDate", "Active__c", NULL
};

static void
test_field_map_crm_export (void)
{
  g_autoptr(TlFieldMap) map = map_from (crm_headers);
  g_autoptr(GError) error = NULL;

  assert_column (map, TL_FIELD_ID, 0, TL_MATCH_EXACT);
  assert_column (map, TL_FIELD_NAME, 2, TL_MATCH_EXACT);
  /* AnnualRevenue is the customer's own company revenue. */
  assert_unmatched (map, TL_FIELD_ARR);
  assert_unmatched (map, TL_FIELD_MRR);
  assert_unmatched (map, TL_FIELD_OWNER);
  g_assert_false (tl_field_map_validate (map, &error));
  g_assert_error (error, TL_FIELD_MAP_ERROR, TL_FIELD_MAP_ERROR_NO_REVENUE);
}

static const char *const telco_headers[] = {
  "customerID", "gender", "SeniorCitizen", "Partner", "Dependents", "tenure",
  "PhoneService", "MultipleLines", "InternetService", "OnlineSecurity", "OnlineBackup",
  "DeviceProtection", "TechSupport", "StreamingTV", "StreamingMovies", "Contract",
  "PaperlessBilling", "PaymentMethod", "MonthlyCharges", "TotalCharges", "Churn", NULL
};

static void
test_field_map_telco_export (void)
{
  g_autoptr(TlFieldMap) map = map_from (telco_headers);
  g_autoptr(GError) error = NULL;

  assert_column (map, TL_FIELD_ID, 0, TL_MATCH_EXACT);
  assert_unmatched (map, TL_FIELD_NAME);
  assert_unmatched (map, TL_FIELD_ARR);
  assert_unmatched (map, TL_FIELD_MRR);
  g_assert_false (tl_field_map_validate (map, &error));
  g_assert_error (error, TL_FIELD_MAP_ERROR, TL_FIELD_MAP_ERROR_NO_REVENUE);
  g_clear_error (&error);

  /* The user names MonthlyCharges as MRR. */
  g_assert_true (tl_field_map_apply_override (map, "mrr=MonthlyCharges", &error));
  g_assert_no_error (error);
  assert_column (map, TL_FIELD_MRR, 18, TL_MATCH_MANUAL);
  g_assert_true (tl_field_map_validate (map, &error));
  g_assert_no_error (error);
}

static void
test_field_map_annual_revenue_never_arr (void)
{
  static const char *const spellings[] = {
    "Annual Revenue", "AnnualRevenue", "annual_revenue", "Annual Revenue (USD)",
    "ANNUAL REVENUE",
  };

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      const char *headers[] = { "Account", spellings[i], NULL };
      g_autoptr(TlFieldMap) map = map_from (headers);

      g_test_message ("header '%s'", spellings[i]);
      assert_unmatched (map, TL_FIELD_ARR);
      assert_unmatched (map, TL_FIELD_MRR);
    }
}

static void
test_field_map_annual_recurring_revenue_is_arr (void)
{
  const char *headers[] = { "Account", "Annual Recurring Revenue", NULL };
  g_autoptr(TlFieldMap) map = map_from (headers);

  assert_column (map, TL_FIELD_ARR, 1, TL_MATCH_EXACT);
}

/* Exact and weak matches */

typedef struct
{
  const char *name;
  const char *header;
  TlField     field;     /* the field to look at */
  TlMatch     match;     /* TL_MATCH_NONE when the header must not match it */
} SingleCase;

static const SingleCase single_cases[] = {
  { "arr-exact", "ARR", TL_FIELD_ARR, TL_MATCH_EXACT },
  { "arr-with-unit-exact", "ARR (USD)", TL_FIELD_ARR, TL_MATCH_EXACT },
  { "acv-exact", "ACV", TL_FIELD_ARR, TL_MATCH_EXACT },
  { "total-arr-weak", "Total ARR", TL_FIELD_ARR, TL_MATCH_WEAK },
  { "arr-amount-weak", "arr_amount", TL_FIELD_ARR, TL_MATCH_WEAK },
  { "mrr-amount-weak", "mrr_amount", TL_FIELD_MRR, TL_MATCH_WEAK },
  { "adoption-percent-exact", "Adoption %", TL_FIELD_ADOPTION, TL_MATCH_EXACT },
  { "api-calls-30d-exact", "API Calls (30d)", TL_FIELD_API_CALLS, TL_MATCH_EXACT },
  { "stickiness-exact", "DAU/MAU", TL_FIELD_DAU_MAU, TL_MATCH_EXACT },
  { "csm-exact", "CSM", TL_FIELD_OWNER, TL_MATCH_EXACT },
  { "renewal-date-exact", "Renewal Date", TL_FIELD_RENEWAL, TL_MATCH_EXACT },
  { "health-score-exact", "Health Score", TL_FIELD_HEALTH_EXTERNAL, TL_MATCH_EXACT },
  /* Words that change the quantity keep a weak match away. */
  { "mrr-change-not-mrr", "MRR Change", TL_FIELD_MRR, TL_MATCH_NONE },
  { "arr-delta-not-arr", "ARR Delta", TL_FIELD_ARR, TL_MATCH_NONE },
  { "target-arr-not-arr", "Target ARR", TL_FIELD_ARR, TL_MATCH_NONE },
  { "previous-mrr-not-mrr", "Previous MRR", TL_FIELD_MRR, TL_MATCH_NONE },
  { "arr-growth-not-arr", "ARR Growth", TL_FIELD_ARR, TL_MATCH_NONE },
  { "new-arr-not-arr", "New ARR", TL_FIELD_ARR, TL_MATCH_NONE },
  { "expansion-arr-not-arr", "Expansion ARR", TL_FIELD_ARR, TL_MATCH_NONE },
  { "churned-mrr-not-mrr", "Churned MRR", TL_FIELD_MRR, TL_MATCH_NONE },
  { "api-calls-previous-not-api-calls", "API Calls Previous Month", TL_FIELD_API_CALLS,
    TL_MATCH_NONE },
  /* "previous" belongs to this synonym, so it does not block the match. */
  { "api-calls-previous-month-weak", "API Calls Previous Month", TL_FIELD_API_CALLS_PREV,
    TL_MATCH_WEAK },
  { "headcount-growth-rate-weak", "Headcount Growth Rate", TL_FIELD_GROWTH, TL_MATCH_WEAK },
  /* The longest synonym a header contains decides its field. */
  { "monthly-active-users-weak", "Monthly Active Users (30d)", TL_FIELD_MAU, TL_MATCH_WEAK },
  { "monthly-active-users-not-seats", "Monthly Active Users (30d)", TL_FIELD_SEATS_USED,
    TL_MATCH_NONE },
};

static void
test_field_map_single_header (gconstpointer data)
{
  const SingleCase *tc = data;
  const char *headers[] = { "Account Name", tc->header, NULL };
  g_autoptr(TlFieldMap) map = map_from (headers);

  if (tc->match == TL_MATCH_NONE)
    assert_unmatched (map, tc->field);
  else
    assert_column (map, tc->field, 1, tc->match);
}

static void
test_field_map_exact_beats_weak (void)
{
  const char *headers[] = { "Account", "Total ARR", "ARR", NULL };
  g_autoptr(TlFieldMap) map = map_from (headers);
  guint n = 99;

  assert_column (map, TL_FIELD_ARR, 2, TL_MATCH_EXACT);
  g_assert_null (tl_field_map_get_candidates (map, TL_FIELD_ARR, &n));
  g_assert_cmpuint (n, ==, 0);
}

/* The account table names a second "ARR" column "ARR (2)": both are
 * candidates, and neither is picked. */
static void
test_field_map_repeated_header_ambiguous (void)
{
  const char *headers[] = { "Account", "ARR", "ARR (2)", NULL };
  g_autoptr(TlFieldMap) map = map_from (headers);
  const int *candidates;
  guint n = 0;

  g_assert_cmpint (tl_field_map_get_column (map, TL_FIELD_ARR), ==, -1);
  candidates = tl_field_map_get_candidates (map, TL_FIELD_ARR, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (candidates[0], ==, 1);
  g_assert_cmpint (candidates[1], ==, 2);
}

/* Without an "ARR" column beside it, "ARR (2)" is a header of its own. */
static void
test_field_map_numbered_header_alone (void)
{
  const char *headers[] = { "Account", "ARR (2)", NULL };
  g_autoptr(TlFieldMap) map = map_from (headers);

  g_assert_cmpint (tl_field_map_get_column (map, TL_FIELD_ARR), ==, 1);
}

static void
test_field_map_exact_header_no_other_candidate (void)
{
  /* Each header contains "Account", a synonym of name, but equals a
   * synonym of its own field. */
  const char *headers[] = { "Account ID", "Account Owner", "Account Name", NULL };
  g_autoptr(TlFieldMap) map = map_from (headers);
  guint n = 99;

  assert_column (map, TL_FIELD_ID, 0, TL_MATCH_EXACT);
  assert_column (map, TL_FIELD_OWNER, 1, TL_MATCH_EXACT);
  assert_column (map, TL_FIELD_NAME, 2, TL_MATCH_EXACT);
  g_assert_null (tl_field_map_get_candidates (map, TL_FIELD_NAME, &n));
  g_assert_cmpuint (n, ==, 0);
}

static void
test_field_map_exact_header_not_weak_elsewhere (void)
{
  /* Without a name column, "Account ID" still does not become the name. */
  const char *headers[] = { "Account ID", "ARR", NULL };
  g_autoptr(TlFieldMap) map = map_from (headers);

  assert_column (map, TL_FIELD_ID, 0, TL_MATCH_EXACT);
  assert_unmatched (map, TL_FIELD_NAME);
  g_assert_null (tl_field_map_get_candidates (map, TL_FIELD_NAME, NULL));
}

static void
test_field_map_weak_tie_unmatched (void)
{
  /* "Account" names an account, "Segment" a tier: one word each. */
  const char *headers[] = { "Account ID", "Account Segment", "ARR", NULL };
  g_autoptr(TlFieldMap) map = map_from (headers);

  assert_unmatched (map, TL_FIELD_NAME);
  assert_unmatched (map, TL_FIELD_CURRENT_TIER);
  g_assert_null (tl_field_map_get_candidates (map, TL_FIELD_NAME, NULL));
  g_assert_null (tl_field_map_get_candidates (map, TL_FIELD_CURRENT_TIER, NULL));
  g_assert_cmpint (tl_field_map_get_field_of (map, 1), ==, -1);
}

/* Seats */

static void
test_field_map_seats_used_alone (void)
{
  const char *headers[] = { "Account", "Seats Used", NULL };
  g_autoptr(TlFieldMap) map = map_from (headers);

  assert_column (map, TL_FIELD_SEATS_USED, 1, TL_MATCH_EXACT);
  assert_unmatched (map, TL_FIELD_SEATS_LICENSED);
}

static void
test_field_map_seats_and_seats_used (void)
{
  const char *headers[] = { "Account", "Seats Used", "Seats", NULL };
  g_autoptr(TlFieldMap) map = map_from (headers);

  assert_column (map, TL_FIELD_SEATS_USED, 1, TL_MATCH_EXACT);
  assert_column (map, TL_FIELD_SEATS_LICENSED, 2, TL_MATCH_EXACT);
}

static void
test_field_map_seats_used_weak (void)
{
  const char *headers[] = { "Account", "Seats Used (30d avg)", NULL };
  g_autoptr(TlFieldMap) map = map_from (headers);

  assert_column (map, TL_FIELD_SEATS_USED, 1, TL_MATCH_WEAK);
  assert_unmatched (map, TL_FIELD_SEATS_LICENSED);
}

/* Ambiguity */

static void
assert_ambiguous (TlFieldMap *map,
                  TlField     field,
                  int         first,
                  int         second,
                  const char *first_header,
                  const char *second_header)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *quoted_first = g_strdup_printf ("\xe2\x80\x9c%s\xe2\x80\x9d", first_header);
  g_autofree char *quoted_second = g_strdup_printf ("\xe2\x80\x9c%s\xe2\x80\x9d", second_header);
  const int *candidates;
  guint n = 0;

  g_assert_cmpint (tl_field_map_get_column (map, field), ==, -1);
  candidates = tl_field_map_get_candidates (map, field, &n);
  g_assert_nonnull (candidates);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (candidates[0], ==, first);
  g_assert_cmpint (candidates[1], ==, second);

  g_assert_false (tl_field_map_validate (map, &error));
  g_assert_error (error, TL_FIELD_MAP_ERROR, TL_FIELD_MAP_ERROR_AMBIGUOUS);
  g_assert_nonnull (strstr (error->message, quoted_first));
  g_assert_nonnull (strstr (error->message, quoted_second));
}

static void
test_field_map_ambiguous_exact (void)
{
  const char *headers[] = { "Account", "ARR", "Current ARR", NULL };
  g_autoptr(TlFieldMap) map = map_from (headers);

  assert_ambiguous (map, TL_FIELD_ARR, 1, 2, "ARR", "Current ARR");
}

static void
test_field_map_ambiguous_weak (void)
{
  const char *headers[] = { "Account", "ARR Amount", "Notes", "Total ARR", NULL };
  g_autoptr(TlFieldMap) map = map_from (headers);

  assert_ambiguous (map, TL_FIELD_ARR, 1, 3, "ARR Amount", "Total ARR");
}

static void
test_field_map_ambiguous_id (void)
{
  const char *headers[] = { "Customer ID", "Company ID", "Name", "MRR", NULL };
  g_autoptr(TlFieldMap) map = map_from (headers);

  assert_ambiguous (map, TL_FIELD_ID, 0, 1, "Customer ID", "Company ID");
}

/* Overrides */

static const char *const override_headers[] = {
  "Account", "Total ARR", "ARR Amount", "Notes", NULL
};

static void
test_field_map_override_by_header (void)
{
  g_autoptr(TlFieldMap) map = map_from (override_headers);
  g_autoptr(GError) error = NULL;

  g_assert_true (tl_field_map_apply_override (map, "arr=Total ARR", &error));
  g_assert_no_error (error);
  assert_column (map, TL_FIELD_ARR, 1, TL_MATCH_MANUAL);
  g_assert_null (tl_field_map_get_candidates (map, TL_FIELD_ARR, NULL));
  g_assert_true (tl_field_map_validate (map, &error));
  g_assert_no_error (error);
}

static void
test_field_map_override_normalized (void)
{
  g_autoptr(TlFieldMap) map = map_from (override_headers);
  g_autoptr(GError) error = NULL;

  g_assert_true (tl_field_map_apply_override (map, "arr=total_arr", &error));
  g_assert_no_error (error);
  assert_column (map, TL_FIELD_ARR, 1, TL_MATCH_MANUAL);

  g_assert_true (tl_field_map_apply_override (map, "ARR=arr-amount", &error));
  g_assert_no_error (error);
  assert_column (map, TL_FIELD_ARR, 2, TL_MATCH_MANUAL);
}

static void
test_field_map_override_unknown_field (void)
{
  g_autoptr(TlFieldMap) map = map_from (override_headers);
  g_autoptr(GError) error = NULL;

  g_assert_false (tl_field_map_apply_override (map, "revenue=Total ARR", &error));
  g_assert_error (error, TL_FIELD_MAP_ERROR, TL_FIELD_MAP_ERROR_UNKNOWN_FIELD);
  g_assert_nonnull (strstr (error->message, "revenue"));
  g_clear_error (&error);

  g_assert_false (tl_field_map_apply_override (map, "arr", &error));
  g_assert_error (error, TL_FIELD_MAP_ERROR, TL_FIELD_MAP_ERROR_UNKNOWN_FIELD);

  /* A failed override leaves the map as it was. */
  g_assert_cmpint (tl_field_map_get_column (map, TL_FIELD_ARR), ==, -1);
  g_assert_nonnull (tl_field_map_get_candidates (map, TL_FIELD_ARR, NULL));
}

static void
test_field_map_override_unknown_header (void)
{
  g_autoptr(TlFieldMap) map = map_from (override_headers);
  g_autoptr(GError) error = NULL;

  g_assert_false (tl_field_map_apply_override (map, "arr=Yearly Revenue", &error));
  g_assert_error (error, TL_FIELD_MAP_ERROR, TL_FIELD_MAP_ERROR_UNKNOWN_HEADER);
  g_assert_nonnull (strstr (error->message, "Yearly Revenue"));
  for (guint i = 0; override_headers[i] != NULL; i++)
    {
      g_autofree char *quoted = g_strdup_printf ("\xe2\x80\x9c%s\xe2\x80\x9d",
                                                 override_headers[i]);

      g_assert_nonnull (strstr (error->message, quoted));
    }
}

static void
test_field_map_override_clears (void)
{
  const char *headers[] = { "Account", "ARR", NULL };
  g_autoptr(TlFieldMap) map = map_from (headers);
  g_autoptr(GError) error = NULL;

  assert_column (map, TL_FIELD_ARR, 1, TL_MATCH_EXACT);
  g_assert_true (tl_field_map_apply_override (map, "arr=", &error));
  g_assert_no_error (error);
  assert_unmatched (map, TL_FIELD_ARR);
  g_assert_false (tl_field_map_validate (map, &error));
  g_assert_error (error, TL_FIELD_MAP_ERROR, TL_FIELD_MAP_ERROR_NO_REVENUE);
}

static void
test_field_map_override_moves_column (void)
{
  const char *headers[] = { "Account", "ARR", NULL };
  g_autoptr(TlFieldMap) map = map_from (headers);
  g_autoptr(GError) error = NULL;

  /* A column maps to one field, so giving ARR's column to MRR takes it
   * from ARR. */
  g_assert_true (tl_field_map_apply_override (map, "mrr=ARR", &error));
  g_assert_no_error (error);
  assert_column (map, TL_FIELD_MRR, 1, TL_MATCH_MANUAL);
  assert_unmatched (map, TL_FIELD_ARR);
  g_assert_cmpint (tl_field_map_get_field_of (map, 1), ==, TL_FIELD_MRR);
}

/* Headers and copies */

static void
test_field_map_list_headers (void)
{
  const char *headers[] = { "Id", "Name", "Total ARR", NULL };
  g_autoptr(TlFieldMap) map = map_from (headers);
  g_autofree char *listed = tl_field_map_list_headers (map);

  g_assert_cmpstr (listed, ==,
                   "\xe2\x80\x9cId\xe2\x80\x9d, \xe2\x80\x9cName\xe2\x80\x9d, "
                   "\xe2\x80\x9cTotal ARR\xe2\x80\x9d");
}

static void
test_field_map_list_many_headers (void)
{
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TlFieldMap) map = NULL;
  g_autofree char *listed = NULL;

  for (guint i = 1; i <= 45; i++)
    g_ptr_array_add (headers, g_strdup_printf ("Col %u", i));
  map = tl_field_map_new ((const char * const *) headers->pdata, headers->len);
  listed = tl_field_map_list_headers (map);

  /* The first 40 are listed, the other 5 only counted. */
  g_assert_nonnull (strstr (listed, "\xe2\x80\x9c" "Col 40\xe2\x80\x9d"));
  g_assert_null (strstr (listed, "\xe2\x80\x9c" "Col 41\xe2\x80\x9d"));
  g_assert_true (g_str_has_suffix (listed, " and 5 more"));
}

static void
test_field_map_headers_kept (void)
{
  const char *headers[] = { "Account", NULL, "ARR", NULL };
  g_autoptr(TlFieldMap) map = tl_field_map_new (headers, 3);

  g_assert_cmpuint (tl_field_map_get_n_headers (map), ==, 3);
  g_assert_cmpstr (tl_field_map_get_header (map, 0), ==, "Account");
  g_assert_cmpstr (tl_field_map_get_header (map, 1), ==, "");
  g_assert_cmpstr (tl_field_map_get_header (map, 2), ==, "ARR");
  g_assert_cmpint (tl_field_map_get_field_of (map, 2), ==, TL_FIELD_ARR);
  g_assert_cmpint (tl_field_map_get_field_of (map, 1), ==, -1);
}

static void
test_field_map_copy (void)
{
  const char *headers[] = { "Account", "ARR", "Current ARR", "Seats", NULL };
  g_autoptr(TlFieldMap) map = map_from (headers);
  g_autoptr(TlFieldMap) copy = tl_field_map_copy (map);
  guint n = 0;

  /* Changing the original must not change the copy. */
  tl_field_map_set_column (map, TL_FIELD_ARR, 1);
  tl_field_map_set_column (map, TL_FIELD_SEATS_LICENSED, -1);

  g_assert_cmpint (tl_field_map_get_column (copy, TL_FIELD_ARR), ==, -1);
  g_assert_nonnull (tl_field_map_get_candidates (copy, TL_FIELD_ARR, &n));
  g_assert_cmpuint (n, ==, 2);
  assert_column (copy, TL_FIELD_SEATS_LICENSED, 3, TL_MATCH_EXACT);
  assert_column (map, TL_FIELD_ARR, 1, TL_MATCH_MANUAL);
  assert_unmatched (map, TL_FIELD_SEATS_LICENSED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tierline/field-map/repeated-header-ambiguous",
                   test_field_map_repeated_header_ambiguous);
  g_test_add_func ("/tierline/field-map/numbered-header-alone",
                   test_field_map_numbered_header_alone);
  g_test_add_func ("/tierline/field-map/normalize", test_field_map_normalize);
  g_test_add_func ("/tierline/field-map/normalize-invalid-utf8",
                   test_field_map_normalize_invalid_utf8);
  g_test_add_func ("/tierline/field-map/invalid-utf8-header",
                   test_field_map_invalid_utf8_header);
  g_test_add_func ("/tierline/field-map/many-headers", test_field_map_many_headers);
  g_test_add_func ("/tierline/field-map/long-header", test_field_map_long_header);

  g_test_add_func ("/tierline/field-map/subscription-export",
                   test_field_map_subscription_export);
  g_test_add_func ("/tierline/field-map/crm-export", test_field_map_crm_export);
  g_test_add_func ("/tierline/field-map/telco-export", test_field_map_telco_export);
  g_test_add_func ("/tierline/field-map/annual-revenue-never-arr",
                   test_field_map_annual_revenue_never_arr);
  g_test_add_func ("/tierline/field-map/annual-recurring-revenue-is-arr",
                   test_field_map_annual_recurring_revenue_is_arr);

  for (guint i = 0; i < G_N_ELEMENTS (single_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/tierline/field-map/single-header/%s",
                                               single_cases[i].name);

      g_test_add_data_func (path, &single_cases[i], test_field_map_single_header);
    }
  g_test_add_func ("/tierline/field-map/exact-beats-weak", test_field_map_exact_beats_weak);
  g_test_add_func ("/tierline/field-map/exact-header-no-other-candidate",
                   test_field_map_exact_header_no_other_candidate);
  g_test_add_func ("/tierline/field-map/exact-header-not-weak-elsewhere",
                   test_field_map_exact_header_not_weak_elsewhere);
  g_test_add_func ("/tierline/field-map/weak-tie-unmatched", test_field_map_weak_tie_unmatched);

  g_test_add_func ("/tierline/field-map/seats-used-alone", test_field_map_seats_used_alone);
  g_test_add_func ("/tierline/field-map/seats-and-seats-used",
                   test_field_map_seats_and_seats_used);
  g_test_add_func ("/tierline/field-map/seats-used-weak", test_field_map_seats_used_weak);

  g_test_add_func ("/tierline/field-map/ambiguous-exact", test_field_map_ambiguous_exact);
  g_test_add_func ("/tierline/field-map/ambiguous-weak", test_field_map_ambiguous_weak);
  g_test_add_func ("/tierline/field-map/ambiguous-id", test_field_map_ambiguous_id);

  g_test_add_func ("/tierline/field-map/override-by-header", test_field_map_override_by_header);
  g_test_add_func ("/tierline/field-map/override-normalized", test_field_map_override_normalized);
  g_test_add_func ("/tierline/field-map/override-unknown-field",
                   test_field_map_override_unknown_field);
  g_test_add_func ("/tierline/field-map/override-unknown-header",
                   test_field_map_override_unknown_header);
  g_test_add_func ("/tierline/field-map/override-clears", test_field_map_override_clears);
  g_test_add_func ("/tierline/field-map/override-moves-column",
                   test_field_map_override_moves_column);

  g_test_add_func ("/tierline/field-map/list-headers", test_field_map_list_headers);
  g_test_add_func ("/tierline/field-map/list-many-headers", test_field_map_list_many_headers);
  g_test_add_func ("/tierline/field-map/headers-kept", test_field_map_headers_kept);
  g_test_add_func ("/tierline/field-map/copy", test_field_map_copy);

  return g_test_run ();
}
