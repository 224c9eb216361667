/* tl-model-file.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-model-file"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tl-model-file.h"

/* A model file is a GKeyFile:
 *
 *   [Tierline Model]   Version, ThresholdsAutomatic
 *   [Tier 1] .. [Tier 4]  Name, ExpansionPotential, LowerBound (tiers 1-3),
 *                      TargetAccounts, TargetArr, AccountsPerCsm, ArrPerCsm (min;max) and
 *                      the six motion texts
 *   [Health]           Weights, UsageFullRatio, EscalationPenalty, the three
 *                      band cutoffs, PreferExternal, ExternalInverted
 *   [Expansion]        the five signal thresholds and the HIGH and MEDIUM cutoffs
 *   [Capacity]         Headcount
 *   [Movement]         TierLabels (label=tier pairs), WatchMargin, RenewalDays
 *
 * Missing keys keep their defaults, so a file may set only what it changes. */

#define GROUP_MODEL     "Tierline Model"
#define GROUP_HEALTH    "Health"
#define GROUP_EXPANSION "Expansion"
#define GROUP_CAPACITY  "Capacity"
#define GROUP_MOVEMENT  "Movement"

static const char *const motion_keys[TL_N_MOTION_TEXTS] = {
  "Coverage", "Motion", "Cadence", "Channels", "Playbooks", "Escalation",
};

static void
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, TL_MODEL_ERROR, TL_MODEL_ERROR_INVALID, message);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

static gboolean
check_tiers (const TlModel  *model,
             GError        **error)
{
  for (guint t = 0; t < TL_N_TIERS; t++)
    {
      const TlTierParams *tier = &model->tiers[t];
      g_autofree char *message = NULL;

      if (is_blank (tier->name))
        message = g_strdup_printf (_("Tier %u has no name."), t + 1);
      else if (!(tier->target_accounts[0] >= 0 && tier->target_accounts[0] <= tier->target_accounts[1]
                 && tier->target_accounts[1] <= 1))
        message = g_strdup_printf (_("The target share of accounts of tier %u must be a range "
                                     "within 0-100 %%, lowest first."), t + 1);
      else if (!(tier->target_arr[0] >= 0 && tier->target_arr[0] <= tier->target_arr[1]
                 && tier->target_arr[1] <= 1))
        message = g_strdup_printf (_("The target share of ARR of tier %u must be a range "
                                     "within 0-100 %%, lowest first."), t + 1);
      else if (tier->accounts_per_csm[0] > tier->accounts_per_csm[1]
               || (tier->accounts_per_csm[0] == 0) != (tier->accounts_per_csm[1] == 0))
        message = g_strdup_printf (_("The accounts per CSM of tier %u must be a range, "
                                     "lowest first, or 0-0 for no CSM."), t + 1);
      else if (!(tier->arr_per_csm[0] >= 0 && (tier->arr_per_csm[1] == 0
                                               || tier->arr_per_csm[0] <= tier->arr_per_csm[1])))
        message = g_strdup_printf (_("The target ARR per CSM of tier %u must be a range, "
                                     "lowest first, or end at 0 for no limit."), t + 1);
      else if (t < TL_N_TIERS - 1 && !(isfinite (tier->lower_bound) && tier->lower_bound > 0))
        message = g_strdup_printf (_("The ARR bound of tier %u must be a positive amount."),
                                   t + 1);
      else if (t > 0 && t < TL_N_TIERS - 1
               && !(tier->lower_bound < model->tiers[t - 1].lower_bound))
        message = g_strdup_printf (_("The ARR bound of tier %u must be below the bound of "
                                     "tier %u."), t + 1, t);

      if (message != NULL)
        {
          set_invalid (error, message);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_health (const TlModel  *model,
              GError        **error)
{
  double total = 0;

  for (guint c = 0; c < TL_N_COMPONENTS; c++)
    {
      if (!(model->weights[c] >= 0 && model->weights[c] <= 100))
        {
          set_invalid (error, _("Each health weight must be between 0 and 100."));
          return FALSE;
        }
      total += model->weights[c];
    }

  if (fabs (total - 100) > 1e-6)
    {
      g_autofree char *message = g_strdup_printf (_("The health weights total %g, but they "
                                                    "must total 100."), total);

      set_invalid (error, message);
      return FALSE;
    }
  if (!(model->usage_full_ratio > 0 && model->usage_full_ratio <= 1))
    set_invalid (error, _("The DAU/MAU that earns full usage points must be above 0 and at "
                          "most 1."));
  else if (!(model->escalation_penalty >= 0 && model->escalation_penalty <= 1))
    set_invalid (error, _("The escalation penalty must be between 0 and 100 %."));
  else if (!(0 < model->band_at_risk && model->band_at_risk < model->band_stable
             && model->band_stable < model->band_healthy && model->band_healthy <= 100))
    set_invalid (error, _("The health bands must rise: At Risk from above 0, then Stable, "
                          "then Healthy up to 100."));
  else
    return TRUE;

  return FALSE;
}

/* Each tier label is "label=tier" with a tier from 1 to 4. */
static gboolean
check_tier_labels (const TlModel  *model,
                   GError        **error)
{
  for (guint i = 0; model->tier_labels != NULL && model->tier_labels[i] != NULL; i++)
    {
      const char *eq = strrchr (model->tier_labels[i], '=');

      if (eq == NULL || eq == model->tier_labels[i] || eq[1] < '1' || eq[1] > '4'
          || eq[2] != '\0')
        {
          g_autofree char *message = g_strdup_printf (_("The tier label “%s” must be written "
                                                        "LABEL=TIER, such as Enterprise=1."),
                                                      model->tier_labels[i]);

          set_invalid (error, message);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_expansion (const TlModel  *model,
                 GError        **error)
{
  if (!(model->seat_utilization > 0 && model->seat_utilization <= 1))
    set_invalid (error, _("The seat utilization that fires must be above 0 and at most 100 %."));
  else if (!(model->feature_requests >= 0 && isfinite (model->feature_requests)))
    set_invalid (error, _("The feature requests that fire must be 0 or more."));
  else if (!isfinite (model->growth))
    set_invalid (error, _("The headcount growth that fires must be a percent."));
  else if (!(model->teams >= 0 && isfinite (model->teams)))
    set_invalid (error, _("The teams that fire must be 0 or more."));
  else if (!(model->api_spike > 0 && isfinite (model->api_spike)))
    set_invalid (error, _("The API call ratio that fires must be above 0."));
  else if (!(1 <= model->expansion_medium && model->expansion_medium <= model->expansion_high
             && model->expansion_high <= TL_N_SIGNALS))
    set_invalid (error, _("The signals for MEDIUM and HIGH must be between 1 and 5, MEDIUM "
                          "at most HIGH."));
  else if (!(model->watch_margin >= 0 && model->watch_margin < 1))
    set_invalid (error, _("The watch margin must be between 0 and 100 %."));
  else if (!(model->renewal_days >= 0 && model->renewal_days <= 3660))
    set_invalid (error, _("The days that count as at renewal must be between 0 and 3660."));
  else if (!check_tier_labels (model, error))
    return FALSE;
  else
    return TRUE;

  return FALSE;
}

/**
 * tl_model_validate:
 * @model: a model
 * @error: return location for an error
 *
 * Checks every parameter: tier bounds descend, target ranges lie within
 * 0-100 %, the health weights total 100, the bands rise, and the expansion
 * cutoffs lie within the five signals.
 *
 * Returns: %TRUE when the model is usable
 */
gboolean
tl_model_validate (const TlModel  *model,
                   GError        **error)
{
  g_return_val_if_fail (model != NULL, FALSE);

  return check_tiers (model, error) && check_health (model, error)
         && check_expansion (model, error);
}

static void
set_pair (GKeyFile     *file,
          const char   *group,
          const char   *key,
          const double  pair[2])
{
  double values[2] = { pair[0], pair[1] };

  g_key_file_set_double_list (file, group, key, values, 2);
}

static void
write_tier (GKeyFile      *file,
            const TlModel *model,
            guint          t)
{
  const TlTierParams *tier = &model->tiers[t];
  g_autofree char *group = g_strdup_printf ("Tier %u", t + 1);
  double per_csm[2] = { tier->accounts_per_csm[0], tier->accounts_per_csm[1] };

  g_key_file_set_string (file, group, "Name", tier->name);
  g_key_file_set_string (file, group, "ExpansionPotential", tier->expansion_potential);
  if (t < TL_N_TIERS - 1)
    g_key_file_set_double (file, group, "LowerBound", tier->lower_bound);
  set_pair (file, group, "TargetAccounts", tier->target_accounts);
  set_pair (file, group, "TargetArr", tier->target_arr);
  set_pair (file, group, "AccountsPerCsm", per_csm);
  set_pair (file, group, "ArrPerCsm", tier->arr_per_csm);
  for (guint m = 0; m < TL_N_MOTION_TEXTS; m++)
    g_key_file_set_string (file, group, motion_keys[m], tier->motion[m]);
}

/**
 * tl_model_to_data:
 * @model: a model
 * @length: (out) (optional): the length of the text
 *
 * Writes the model in the model file format.
 *
 * Returns: (transfer full): the text of a model file
 */
char *
tl_model_to_data (const TlModel *model,
                  gsize         *length)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();

  g_return_val_if_fail (model != NULL, NULL);

  g_key_file_set_integer (file, GROUP_MODEL, "Version", TL_MODEL_FILE_VERSION);
  g_key_file_set_boolean (file, GROUP_MODEL, "ThresholdsAutomatic",
                          model->thresholds_automatic);
  for (guint t = 0; t < TL_N_TIERS; t++)
    write_tier (file, model, t);

  g_key_file_set_double_list (file, GROUP_HEALTH, "Weights", (double *) model->weights,
                              TL_N_COMPONENTS);
  g_key_file_set_double (file, GROUP_HEALTH, "UsageFullRatio", model->usage_full_ratio);
  g_key_file_set_double (file, GROUP_HEALTH, "EscalationPenalty", model->escalation_penalty);
  g_key_file_set_integer (file, GROUP_HEALTH, "BandHealthy", model->band_healthy);
  g_key_file_set_integer (file, GROUP_HEALTH, "BandStable", model->band_stable);
  g_key_file_set_integer (file, GROUP_HEALTH, "BandAtRisk", model->band_at_risk);
  g_key_file_set_boolean (file, GROUP_HEALTH, "PreferExternal", model->prefer_external);
  g_key_file_set_boolean (file, GROUP_HEALTH, "ExternalInverted", model->external_inverted);

  g_key_file_set_double (file, GROUP_EXPANSION, "SeatUtilization", model->seat_utilization);
  g_key_file_set_double (file, GROUP_EXPANSION, "FeatureRequests", model->feature_requests);
  g_key_file_set_double (file, GROUP_EXPANSION, "Growth", model->growth);
  g_key_file_set_double (file, GROUP_EXPANSION, "Teams", model->teams);
  g_key_file_set_double (file, GROUP_EXPANSION, "ApiSpike", model->api_spike);
  g_key_file_set_integer (file, GROUP_EXPANSION, "HighSignals", model->expansion_high);
  g_key_file_set_integer (file, GROUP_EXPANSION, "MediumSignals", model->expansion_medium);

  g_key_file_set_integer (file, GROUP_CAPACITY, "Headcount", model->headcount);

  g_key_file_set_string_list (file, GROUP_MOVEMENT, "TierLabels",
                              (const char * const *) model->tier_labels,
                              g_strv_length (model->tier_labels));
  g_key_file_set_double (file, GROUP_MOVEMENT, "WatchMargin", model->watch_margin);
  g_key_file_set_integer (file, GROUP_MOVEMENT, "RenewalDays", model->renewal_days);

  return g_key_file_to_data (file, length, NULL);
}

/* Reads the keys of a file into @model; each helper leaves the default when
 * the key is missing and fails on a value of the wrong type. */
typedef struct
{
  GKeyFile *file;
  GError   *error;
} Reader;

static gboolean
read_failed (Reader     *r,
             const char *group,
             const char *key)
{
  if (r->error == NULL)
    return FALSE;
  if (g_error_matches (r->error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND)
      || g_error_matches (r->error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND))
    {
      g_clear_error (&r->error);
      return FALSE;
    }

  g_prefix_error (&r->error, _("[%s] %s: "), group, key);
  return TRUE;
}

static void
read_double (Reader     *r,
             const char *group,
             const char *key,
             double     *out)
{
  double v;

  if (r->error != NULL)
    return;
  v = g_key_file_get_double (r->file, group, key, &r->error);
  if (!read_failed (r, group, key) && r->error == NULL && g_key_file_has_key (r->file, group, key, NULL))
    *out = v;
}

static void
read_int (Reader     *r,
          const char *group,
          const char *key,
          int        *out)
{
  int v;

  if (r->error != NULL)
    return;
  v = g_key_file_get_integer (r->file, group, key, &r->error);
  if (!read_failed (r, group, key) && r->error == NULL && g_key_file_has_key (r->file, group, key, NULL))
    *out = v;
}

static void
read_bool (Reader     *r,
           const char *group,
           const char *key,
           gboolean   *out)
{
  gboolean v;

  if (r->error != NULL)
    return;
  v = g_key_file_get_boolean (r->file, group, key, &r->error);
  if (!read_failed (r, group, key) && r->error == NULL && g_key_file_has_key (r->file, group, key, NULL))
    *out = v;
}

static void
read_string (Reader     *r,
             const char *group,
             const char *key,
             char      **out)
{
  char *v;

  if (r->error != NULL)
    return;
  v = g_key_file_get_string (r->file, group, key, &r->error);
  if (read_failed (r, group, key) || v == NULL)
    return;
  g_free (*out);
  *out = v;
}

static void
read_strv (Reader     *r,
           const char *group,
           const char *key,
           char     ***out)
{
  char **v;

  if (r->error != NULL)
    return;
  v = g_key_file_get_string_list (r->file, group, key, NULL, &r->error);
  if (read_failed (r, group, key) || v == NULL)
    return;
  g_strfreev (*out);
  *out = v;
}

static void
read_list (Reader     *r,
           const char *group,
           const char *key,
           double     *out,
           gsize       n)
{
  g_autofree double *v = NULL;
  gsize len = 0;

  if (r->error != NULL)
    return;
  v = g_key_file_get_double_list (r->file, group, key, &len, &r->error);
  if (read_failed (r, group, key) || v == NULL)
    return;
  if (len != n)
    {
      g_set_error (&r->error, TL_MODEL_ERROR, TL_MODEL_ERROR_INVALID,
                   _("[%s] %s: expected %u values separated by “;”, found %u."),
                   group, key, (guint) n, (guint) len);
      return;
    }
  memcpy (out, v, n * sizeof *out);
}

static void
read_tier (Reader  *r,
           TlModel *model,
           guint    t)
{
  TlTierParams *tier = &model->tiers[t];
  g_autofree char *group = g_strdup_printf ("Tier %u", t + 1);
  double per_csm[2] = { tier->accounts_per_csm[0], tier->accounts_per_csm[1] };

  read_string (r, group, "Name", &tier->name);
  read_string (r, group, "ExpansionPotential", &tier->expansion_potential);
  if (t < TL_N_TIERS - 1)
    read_double (r, group, "LowerBound", &tier->lower_bound);
  read_list (r, group, "TargetAccounts", tier->target_accounts, 2);
  read_list (r, group, "TargetArr", tier->target_arr, 2);
  read_list (r, group, "AccountsPerCsm", per_csm, 2);
  read_list (r, group, "ArrPerCsm", tier->arr_per_csm, 2);
  for (guint m = 0; m < TL_N_MOTION_TEXTS; m++)
    read_string (r, group, motion_keys[m], &tier->motion[m]);

  if (!(per_csm[0] >= 0 && per_csm[1] >= 0 && per_csm[0] <= G_MAXUINT && per_csm[1] <= G_MAXUINT)
      && r->error == NULL)
    g_set_error (&r->error, TL_MODEL_ERROR, TL_MODEL_ERROR_INVALID,
                 _("[%s] AccountsPerCsm: give two whole numbers of 0 or more."), group);
  tier->accounts_per_csm[0] = (guint) per_csm[0];
  tier->accounts_per_csm[1] = (guint) per_csm[1];
}

static void
read_sections (Reader  *r,
               TlModel *model)
{
  int headcount = model->headcount;

  read_bool (r, GROUP_MODEL, "ThresholdsAutomatic", &model->thresholds_automatic);
  for (guint t = 0; t < TL_N_TIERS; t++)
    read_tier (r, model, t);

  read_list (r, GROUP_HEALTH, "Weights", model->weights, TL_N_COMPONENTS);
  read_double (r, GROUP_HEALTH, "UsageFullRatio", &model->usage_full_ratio);
  read_double (r, GROUP_HEALTH, "EscalationPenalty", &model->escalation_penalty);
  read_int (r, GROUP_HEALTH, "BandHealthy", &model->band_healthy);
  read_int (r, GROUP_HEALTH, "BandStable", &model->band_stable);
  read_int (r, GROUP_HEALTH, "BandAtRisk", &model->band_at_risk);
  read_bool (r, GROUP_HEALTH, "PreferExternal", &model->prefer_external);
  read_bool (r, GROUP_HEALTH, "ExternalInverted", &model->external_inverted);

  read_double (r, GROUP_EXPANSION, "SeatUtilization", &model->seat_utilization);
  read_double (r, GROUP_EXPANSION, "FeatureRequests", &model->feature_requests);
  read_double (r, GROUP_EXPANSION, "Growth", &model->growth);
  read_double (r, GROUP_EXPANSION, "Teams", &model->teams);
  read_double (r, GROUP_EXPANSION, "ApiSpike", &model->api_spike);
  read_int (r, GROUP_EXPANSION, "HighSignals", &model->expansion_high);
  read_int (r, GROUP_EXPANSION, "MediumSignals", &model->expansion_medium);

  read_int (r, GROUP_CAPACITY, "Headcount", &headcount);
  read_strv (r, GROUP_MOVEMENT, "TierLabels", &model->tier_labels);
  read_double (r, GROUP_MOVEMENT, "WatchMargin", &model->watch_margin);
  read_int (r, GROUP_MOVEMENT, "RenewalDays", &model->renewal_days);
  if (r->error == NULL && headcount < 0)
    g_set_error_literal (&r->error, TL_MODEL_ERROR, TL_MODEL_ERROR_INVALID,
                         _("[Capacity] Headcount: give 0 or more CSMs."));
  model->headcount = MAX (headcount, 0);
}

static gboolean
check_version (GKeyFile  *file,
               GError   **error)
{
  g_autoptr(GError) local = NULL;
  int version;

  if (!g_key_file_has_group (file, GROUP_MODEL))
    {
      g_set_error_literal (error, TL_MODEL_ERROR, TL_MODEL_ERROR_INVALID,
                           _("This is not a Tierline model file: it has no "
                             "[Tierline Model] section."));
      return FALSE;
    }

  version = g_key_file_get_integer (file, GROUP_MODEL, "Version", &local);
  if (local != NULL || version < 1)
    {
      g_set_error_literal (error, TL_MODEL_ERROR, TL_MODEL_ERROR_INVALID,
                           _("[Tierline Model] Version is missing or not a number."));
      return FALSE;
    }
  if (version > TL_MODEL_FILE_VERSION)
    {
      g_set_error (error, TL_MODEL_ERROR, TL_MODEL_ERROR_NEWER,
                   _("The model was saved by a newer version of Tierline (model format %d; "
                     "this version reads format %d). Update Tierline to open it."),
                   version, TL_MODEL_FILE_VERSION);
      return FALSE;
    }

  return TRUE;
}

/* Fails on a section or key that this version does not read, such as a
 * key put in the wrong section or misspelled: it would be ignored, and
 * the model would differ from what its author meant. The known keys are
 * those that tl_model_to_data() writes. */
static gboolean
check_known_keys (GKeyFile  *file,
                  GError   **error)
{
  g_autoptr(TlModel) defaults = tl_model_new_default ();
  g_autoptr(GKeyFile) known = g_key_file_new ();
  g_autofree char *data = NULL;
  g_auto(GStrv) groups = NULL;
  gsize length;

  data = tl_model_to_data (defaults, &length);
  g_key_file_load_from_data (known, data, length, G_KEY_FILE_NONE, NULL);

  groups = g_key_file_get_groups (file, NULL);
  for (guint g = 0; groups[g] != NULL; g++)
    {
      g_auto(GStrv) keys = g_key_file_get_keys (file, groups[g], NULL, NULL);

      if (!g_key_file_has_group (known, groups[g]))
        {
          g_set_error (error, TL_MODEL_ERROR, TL_MODEL_ERROR_INVALID,
                       _("[%s]: Tierline has no such section. Check its spelling, or "
                         "remove it."), groups[g]);
          return FALSE;
        }

      for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
        if (!g_key_file_has_key (known, groups[g], keys[k], NULL))
          {
            g_set_error (error, TL_MODEL_ERROR, TL_MODEL_ERROR_INVALID,
                         _("[%s] %s: this section has no such key. Check its spelling "
                           "and its section."), groups[g], keys[k]);
            return FALSE;
          }
    }

  return TRUE;
}

/**
 * tl_model_new_from_data:
 * @data: the text of a model file
 * @length: its length, or -1 when it is NUL-terminated
 * @error: return location for an error
 *
 * Reads a model. Keys the text lacks keep their defaults. A file from a
 * newer version, a value of the wrong type or a model that fails
 * tl_model_validate() gives an error and no model.
 *
 * Returns: (transfer full) (nullable): the model
 */
TlModel *
tl_model_new_from_data (const char  *data,
                        gssize       length,
                        GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(TlModel) model = tl_model_new_default ();
  Reader r = { file, NULL };

  g_return_val_if_fail (data != NULL, NULL);

  if (!g_key_file_load_from_data (file, data, length, G_KEY_FILE_NONE, NULL))
    {
      /* GLib's message quotes the line it could not read, which may be
       * binary bytes that a terminal would act on. */
      g_set_error_literal (error, TL_MODEL_ERROR, TL_MODEL_ERROR_INVALID,
                           _("This is not a Tierline model file: its text is not in "
                             "“[Section]” and “Key=Value” lines. Choose a .tierline file "
                             "saved by Tierline."));
      return NULL;
    }
  if (!check_version (file, error) || !check_known_keys (file, error))
    return NULL;

  read_sections (&r, model);
  if (r.error != NULL)
    {
      g_propagate_error (error, r.error);
      return NULL;
    }
  if (!tl_model_validate (model, error))
    return NULL;

  return g_steal_pointer (&model);
}

/* Writes the model to @path, replacing it only once the file is complete. */
gboolean
tl_model_save_file (const TlModel  *model,
                    const char     *path,
                    GError        **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (model != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = tl_model_to_data (model, &length);

  return g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT,
                                   0644, error);
}

/* Reads a model file; see tl_model_new_from_data(). Errors name the file. */
TlModel *
tl_model_new_from_file (const char  *path,
                        GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local = NULL;
  gsize length;
  TlModel *model;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;

  model = tl_model_new_from_data (data, length, &local);
  if (model == NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_propagate_prefixed_error (error, g_steal_pointer (&local), "%s: ", name);
    }

  return model;
}
