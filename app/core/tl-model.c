/* tl-model.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-model"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tl-model.h"
#include "tl-value.h"

G_DEFINE_QUARK (tl-model-error-quark, tl_model_error)

typedef struct
{
  const char *name;
  const char *expansion_potential;
  double      lower_bound;
  double      target_accounts[2];
  double      target_arr[2];
  guint       accounts_per_csm[2];
  double      arr_per_csm[2];
  const char *motion[TL_N_MOTION_TEXTS];
} TierDefaults;

/* The default tiers: bounds, target shares, coverage ratios and motions. */
static const TierDefaults tier_defaults[TL_N_TIERS] = {
  { N_("Strategic"), N_("High"), 250000, { 0.05, 0.10 }, { 0.50, 0.60 }, { 5, 8 }, { 0, 500000 },
    { N_("High-touch: 1 CSM for 5-8 accounts"),
      N_("Named CSM, dedicated AE and a vendor executive sponsor"),
      N_("Monthly business review, QBR each quarter, executive sponsor call twice a year"),
      N_("Phone, shared Slack, in person or video"),
      N_("Full onboarding, custom success plan, proactive expansion, multi-year renewal"),
      N_("The CSM manager and the VP of Customer Success see it directly") } },
  { N_("Growth"), N_("Medium"), 50000, { 0.20, 0.30 }, { 0.30, 0.40 }, { 15, 25 },
    { 1000000, 2000000 },
    { N_("Mid-touch: 1 CSM for 15-25 accounts"),
      N_("Pooled CSMs with account ownership; the AE joins expansion calls only"),
      N_("Check-in every two months, QBR twice a year"),
      N_("Email, video, occasional Slack"),
      N_("Templated onboarding, outreach on health changes, expansion at 70 % utilization "
         "and above"),
      N_("A health drop triggers a CSM manager review") } },
  { N_("Scale"), N_("Low to medium"), 10000, { 0.30, 0.40 }, { 0.10, 0.20 }, { 50, 100 },
    { 2000000, 5000000 },
    { N_("Digital, light touch: 1 CSM for 50-100 accounts"),
      N_("Automated health monitoring; the CSM acts on signals"),
      N_("Quarterly email QBR, automated in-app nudges"),
      N_("Email, in-app, help center"),
      N_("In-app onboarding, automated health alerts, self-serve expansion"),
      N_("Red health or an expansion signal queues CSM outreach") } },
  { N_("Long Tail"), N_("Low"), 0, { 0.30, 0.40 }, { 0.05, 0.10 }, { 0, 0 }, { 0, 0 },
    { N_("Self-serve: no CSM"),
      N_("Community, knowledge base, in-app guidance"),
      N_("Lifecycle emails triggered by behaviour"),
      N_("Email, in-app, community, chatbot"),
      N_("Automated onboarding, upgrade prompts at usage limits"),
      N_("High-ARR accounts here are reviewed for promotion") } },
};

static const double default_weights[TL_N_COMPONENTS] = { 30, 20, 20, 15, 15 };

/**
 * tl_model_new_default:
 *
 * Creates the default model: bounds of $250,000, $50,000 and $10,000
 * (calibrated from each file while thresholds_automatic is set), health
 * weights 30/20/20/15/15, bands at 80, 60 and 40, and the expansion rules.
 *
 * Returns: (transfer full): the model
 */
TlModel *
tl_model_new_default (void)
{
  TlModel *self = g_new0 (TlModel, 1);

  for (guint t = 0; t < TL_N_TIERS; t++)
    {
      const TierDefaults *d = &tier_defaults[t];
      TlTierParams *tier = &self->tiers[t];

      tier->name = g_strdup (_(d->name));
      tier->expansion_potential = g_strdup (_(d->expansion_potential));
      tier->lower_bound = d->lower_bound;
      for (guint i = 0; i < 2; i++)
        {
          tier->target_accounts[i] = d->target_accounts[i];
          tier->target_arr[i] = d->target_arr[i];
          tier->accounts_per_csm[i] = d->accounts_per_csm[i];
          tier->arr_per_csm[i] = d->arr_per_csm[i];
        }
      for (guint m = 0; m < TL_N_MOTION_TEXTS; m++)
        tier->motion[m] = g_strdup (_(d->motion[m]));
    }
  self->thresholds_automatic = TRUE;

  for (guint c = 0; c < TL_N_COMPONENTS; c++)
    self->weights[c] = default_weights[c];
  self->usage_full_ratio = 0.5;
  self->escalation_penalty = 0.25;
  self->band_healthy = 80;
  self->band_stable = 60;
  self->band_at_risk = 40;

  self->seat_utilization = 0.80;
  self->feature_requests = 3;
  self->growth = 0.10;
  self->teams = 2;
  self->api_spike = 1.5;
  self->expansion_high = 3;
  self->expansion_medium = 1;

  self->tier_labels = g_new0 (char *, 1);
  self->watch_margin = 0.10;
  self->renewal_days = 90;

  return self;
}

TlModel *
tl_model_copy (const TlModel *model)
{
  TlModel *copy;

  g_return_val_if_fail (model != NULL, NULL);

  copy = g_memdup2 (model, sizeof *model);
  copy->tier_labels = g_strdupv (model->tier_labels);
  for (guint t = 0; t < TL_N_TIERS; t++)
    {
      copy->tiers[t].name = g_strdup (model->tiers[t].name);
      copy->tiers[t].expansion_potential = g_strdup (model->tiers[t].expansion_potential);
      for (guint m = 0; m < TL_N_MOTION_TEXTS; m++)
        copy->tiers[t].motion[m] = g_strdup (model->tiers[t].motion[m]);
    }

  return copy;
}

void
tl_model_free (TlModel *model)
{
  if (model == NULL)
    return;

  g_strfreev (model->tier_labels);
  for (guint t = 0; t < TL_N_TIERS; t++)
    {
      g_free (model->tiers[t].name);
      g_free (model->tiers[t].expansion_potential);
      for (guint m = 0; m < TL_N_MOTION_TEXTS; m++)
        g_free (model->tiers[t].motion[m]);
    }
  g_free (model);
}

/* Sets the lower bounds of tiers 1 to 3 and turns calibration off. */
void
tl_model_set_thresholds (TlModel      *model,
                         const double  thresholds[3])
{
  g_return_if_fail (model != NULL);

  for (guint t = 0; t < 3; t++)
    model->tiers[t].lower_bound = thresholds[t];
  model->thresholds_automatic = FALSE;
}

/**
 * tl_model_parse_thresholds:
 * @text: three amounts separated by commas, such as "250k,50k,10k"
 * @thresholds: (out): the three bounds
 * @error: return location for an error
 *
 * Reads the lower ARR bounds of tiers 1, 2 and 3. Each may carry a
 * currency and a K or M suffix; they must be positive and descend.
 *
 * Returns: %TRUE when the text holds three valid bounds
 */
gboolean
tl_model_parse_thresholds (const char  *text,
                           double       thresholds[3],
                           GError     **error)
{
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  parts = g_strsplit (text, ",", -1);
  if (g_strv_length (parts) != 3)
    {
      g_set_error (error, TL_MODEL_ERROR, TL_MODEL_ERROR_INVALID,
                   _("Invalid thresholds “%s”: give three ARR bounds separated by "
                     "commas, highest first, such as 250000,50000,10000."), text);
      return FALSE;
    }

  for (guint i = 0; i < 3; i++)
    {
      double v;

      if (tl_value_parse_number (parts[i], strlen (parts[i]), TL_DECIMAL_POINT, &v, NULL)
          != TL_PARSE_OK || v <= 0 || !isfinite (v))
        {
          g_set_error (error, TL_MODEL_ERROR, TL_MODEL_ERROR_INVALID,
                       _("Invalid threshold “%s”: each bound is a positive amount in "
                         "dollars, such as 250000 or 250k."), g_strstrip (parts[i]));
          return FALSE;
        }
      thresholds[i] = v;
    }

  if (!(thresholds[0] > thresholds[1] && thresholds[1] > thresholds[2]))
    {
      g_set_error (error, TL_MODEL_ERROR, TL_MODEL_ERROR_INVALID,
                   _("Invalid thresholds “%s”: the bounds must descend, tier 1 "
                     "highest, such as 250000,50000,10000."), text);
      return FALSE;
    }

  return TRUE;
}

const char *
tl_component_get_label (TlComponent component)
{
  static const char *const labels[TL_N_COMPONENTS] = {
    N_("Usage"), N_("Adoption"), N_("Support"), N_("Relationship"), N_("NPS"),
  };

  g_return_val_if_fail (component < TL_N_COMPONENTS, NULL);

  return _(labels[component]);
}

const char *
tl_signal_get_label (TlSignal signal)
{
  static const char *const labels[TL_N_SIGNALS] = {
    N_("Seat utilization"), N_("Feature requests"), N_("Company growth"),
    N_("Multi-team"), N_("API spike"),
  };

  g_return_val_if_fail (signal < TL_N_SIGNALS, NULL);

  return _(labels[signal]);
}

const char *
tl_motion_text_get_label (TlMotionText text)
{
  static const char *const labels[TL_N_MOTION_TEXTS] = {
    N_("Coverage"), N_("Motion"), N_("Cadence"), N_("Channels"), N_("Playbooks"),
    N_("Escalation"),
  };

  g_return_val_if_fail (text < TL_N_MOTION_TEXTS, NULL);

  return _(labels[text]);
}

/**
 * tl_model_scores_alike:
 * @a: a model
 * @b: another model
 *
 * Compares the parameters that health and expansion scores depend on: the
 * weights and usage, support and external-score settings, and the
 * expansion signals and levels. Status bands, tiers, motions and capacity
 * play no part in a score.
 *
 * Returns: whether @a and @b give every account the same health score and
 *   expansion level
 */
gboolean
tl_model_scores_alike (const TlModel *a,
                       const TlModel *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  for (guint c = 0; c < TL_N_COMPONENTS; c++)
    {
      if (a->weights[c] != b->weights[c])
        return FALSE;
    }

  return a->usage_full_ratio == b->usage_full_ratio
         && a->escalation_penalty == b->escalation_penalty
         && a->prefer_external == b->prefer_external
         && a->external_inverted == b->external_inverted
         && a->seat_utilization == b->seat_utilization
         && a->feature_requests == b->feature_requests
         && a->growth == b->growth
         && a->teams == b->teams
         && a->api_spike == b->api_spike
         && a->expansion_high == b->expansion_high
         && a->expansion_medium == b->expansion_medium;
}
