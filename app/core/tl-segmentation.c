/* tl-segmentation.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-segmentation"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tl-segmentation.h"

/* The columns one account's results are computed from. */
typedef struct
{
  const double *arr;
  TlValues      dau, mau, dau_mau;
  TlValues      features_used, features_available, adoption;
  TlValues      csat, escalations, exec_sponsor, champion, nps;
  TlValues      seats_licensed, seats_used, feature_requests, growth, teams;
  TlValues      api_calls, api_calls_prev;
  TlValues      external;
  TlScale       csat_scale, nps_scale, external_scale;
} Inputs;

static void
inputs_init (Inputs               *in,
             const TlAccountTable *table)
{
  in->arr = tl_account_table_get_arr (table);
  in->dau = tl_account_table_get_values (table, TL_FIELD_DAU);
  in->mau = tl_account_table_get_values (table, TL_FIELD_MAU);
  in->dau_mau = tl_account_table_get_values (table, TL_FIELD_DAU_MAU);
  in->features_used = tl_account_table_get_values (table, TL_FIELD_FEATURES_USED);
  in->features_available = tl_account_table_get_values (table, TL_FIELD_FEATURES_AVAILABLE);
  in->adoption = tl_account_table_get_values (table, TL_FIELD_ADOPTION);
  in->csat = tl_account_table_get_values (table, TL_FIELD_CSAT);
  in->escalations = tl_account_table_get_values (table, TL_FIELD_ESCALATIONS);
  in->exec_sponsor = tl_account_table_get_values (table, TL_FIELD_EXEC_SPONSOR);
  in->champion = tl_account_table_get_values (table, TL_FIELD_CHAMPION);
  in->nps = tl_account_table_get_values (table, TL_FIELD_NPS);
  in->seats_licensed = tl_account_table_get_values (table, TL_FIELD_SEATS_LICENSED);
  in->seats_used = tl_account_table_get_values (table, TL_FIELD_SEATS_USED);
  in->feature_requests = tl_account_table_get_values (table, TL_FIELD_FEATURE_REQUESTS);
  in->growth = tl_account_table_get_values (table, TL_FIELD_GROWTH);
  in->teams = tl_account_table_get_values (table, TL_FIELD_TEAMS);
  in->api_calls = tl_account_table_get_values (table, TL_FIELD_API_CALLS);
  in->api_calls_prev = tl_account_table_get_values (table, TL_FIELD_API_CALLS_PREV);
  in->external = tl_account_table_get_values (table, TL_FIELD_HEALTH_EXTERNAL);
  in->csat_scale = tl_account_table_get_scale (table, TL_FIELD_CSAT);
  in->nps_scale = tl_account_table_get_scale (table, TL_FIELD_NPS);
  in->external_scale = tl_account_table_get_scale (table, TL_FIELD_HEALTH_EXTERNAL);
}

static inline double
get (TlValues column,
     guint    row)
{
  return tl_values_get (column, row);
}

static inline double
clamp01 (double v)
{
  return CLAMP (v, 0.0, 1.0);
}

/* Rounds half away from zero: 84.5 is 85, -0.5 is -1. A tolerance absorbs
 * the binary rounding of sums such as 0.1 + 0.2. */
int
tl_round_half_away (double value)
{
  double a = floor (fabs (value) + 0.5 + 1e-9);

  /* Converting a value beyond int is undefined, and a ratio over a tiny
   * divisor can be that large. Such values are capped, and so is NAN,
   * because the comparison fails for it. */
  a = a < G_MAXINT ? a : G_MAXINT;

  return (int) (value < 0 ? -a : a);
}

/* Usage ratio: DAU/MAU when both are given (0 when MAU is 0), else the
 * file's own DAU/MAU column. */
static double
usage_ratio (const Inputs *in,
             guint         row)
{
  double dau = get (in->dau, row);
  double mau = get (in->mau, row);

  if (!isnan (dau) && !isnan (mau))
    return mau > 0 ? dau / mau : 0.0;

  return get (in->dau_mau, row);
}

/* Adoption ratio: features used / available when both are given and
 * available is above 0, else the file's own adoption column. */
static double
adoption_ratio (const Inputs *in,
                guint         row)
{
  double used = get (in->features_used, row);
  double available = get (in->features_available, row);

  if (!isnan (used) && !isnan (available) && available > 0)
    return used / available;

  return get (in->adoption, row);
}

static double
csat_unit (double  csat,
           TlScale scale)
{
  switch (scale)
    {
    case TL_SCALE_ONE_TO_FIVE:
      return clamp01 ((csat - 1.0) / 4.0);
    case TL_SCALE_ZERO_TO_TEN:
      return clamp01 (csat / 10.0);
    case TL_SCALE_PERCENT:
    case TL_SCALE_NPS:
    case TL_SCALE_NONE:
    default:
      return clamp01 (csat / 100.0);
    }
}

static double
nps_unit (double  nps,
          TlScale scale)
{
  if (scale == TL_SCALE_NPS)
    return clamp01 ((nps + 100.0) / 200.0);

  return clamp01 (nps / 10.0);
}

/* The file's own health score on 0..100: 1-5 scores are (x - 1) x 25,
 * 0-10 scores x 10; an inverted score (a risk) is 100 minus it. */
static int
external_score (double         value,
                TlScale        scale,
                const TlModel *model)
{
  double v;

  if (isnan (value))
    return -1;

  if (scale == TL_SCALE_ONE_TO_FIVE)
    v = (value - 1.0) * 25.0;
  else if (scale == TL_SCALE_ZERO_TO_TEN)
    v = value * 10.0;
  else
    v = value;

  v = CLAMP (v, 0.0, 100.0);
  if (model->external_inverted)
    v = 100.0 - v;

  return tl_round_half_away (v);
}

static void
score_support (const Inputs   *in,
               const TlModel  *model,
               guint           row,
               TlHealthDetail *d)
{
  double csat = get (in->csat, row);
  double esc = get (in->escalations, row);
  double factor = 1.0;

  d->csat_unit = isnan (csat) ? NAN : csat_unit (csat, in->csat_scale);
  d->escalations = esc;
  if (isnan (csat) && isnan (esc))
    return;

  if (!isnan (esc))
    factor = MAX (0.0, 1.0 - model->escalation_penalty * MAX (esc, 0.0));

  /* Without CSAT, support is judged on escalations alone. */
  d->has_data[TL_COMPONENT_SUPPORT] = TRUE;
  d->points[TL_COMPONENT_SUPPORT] = model->weights[TL_COMPONENT_SUPPORT]
                                    * (isnan (csat) ? 1.0 : d->csat_unit) * factor;
}

/* Executive sponsor and champion share the relationship points equally
 * among those the file gives. */
static void
score_relationship (const Inputs   *in,
                    const TlModel  *model,
                    guint           row,
                    TlHealthDetail *d)
{
  double exec = get (in->exec_sponsor, row);
  double champ = get (in->champion, row);
  guint present = !isnan (exec) + !isnan (champ);
  double yes = (!isnan (exec) && exec > 0) + (!isnan (champ) && champ > 0);

  d->exec_sponsor = exec;
  d->champion = champ;
  if (present == 0)
    return;

  d->has_data[TL_COMPONENT_RELATIONSHIP] = TRUE;
  d->points[TL_COMPONENT_RELATIONSHIP] = model->weights[TL_COMPONENT_RELATIONSHIP]
                                         * yes / present;
}

static void
score_components (const Inputs   *in,
                  const TlModel  *model,
                  guint           row,
                  TlHealthDetail *d)
{
  double nps = get (in->nps, row);

  d->usage_ratio = usage_ratio (in, row);
  if (!isnan (d->usage_ratio))
    {
      d->has_data[TL_COMPONENT_USAGE] = TRUE;
      d->points[TL_COMPONENT_USAGE] = model->weights[TL_COMPONENT_USAGE]
        * MIN (MAX (d->usage_ratio, 0.0) / model->usage_full_ratio, 1.0);
    }

  d->adoption_ratio = adoption_ratio (in, row);
  if (!isnan (d->adoption_ratio))
    {
      d->has_data[TL_COMPONENT_ADOPTION] = TRUE;
      d->points[TL_COMPONENT_ADOPTION] = model->weights[TL_COMPONENT_ADOPTION]
                                         * clamp01 (d->adoption_ratio);
    }

  score_support (in, model, row, d);
  score_relationship (in, model, row, d);

  d->nps_unit = isnan (nps) ? NAN : nps_unit (nps, in->nps_scale);
  if (!isnan (nps))
    {
      d->has_data[TL_COMPONENT_NPS] = TRUE;
      d->points[TL_COMPONENT_NPS] = model->weights[TL_COMPONENT_NPS] * d->nps_unit;
    }
}

/* Computes one account's health. The score is 100 x points earned / the
 * max points of the components that have data, so a missing component
 * neither rewards nor punishes. */
static void
compute_health (const Inputs   *in,
                const TlModel  *model,
                guint           row,
                TlHealthDetail *d)
{
  guint n_with_data = 0;
  int external;

  memset (d, 0, sizeof *d);
  d->score = -1;
  for (guint c = 0; c < TL_N_COMPONENTS; c++)
    d->max_points[c] = model->weights[c];

  score_components (in, model, row, d);
  for (guint c = 0; c < TL_N_COMPONENTS; c++)
    {
      if (!d->has_data[c])
        continue;
      n_with_data++;
      d->earned += d->points[c];
      d->possible += d->max_points[c];
    }

  if (d->possible > 0)
    {
      d->score = CLAMP (tl_round_half_away (100.0 * d->earned / d->possible), 0, 100);
      d->partial = n_with_data < TL_N_COMPONENTS;
    }

  external = external_score (get (in->external, row), in->external_scale, model);
  if (external >= 0 && (d->score < 0 || model->prefer_external))
    {
      d->score = external;
      d->external = TRUE;
      d->partial = FALSE;
    }
}

static void
judge_signal (TlExpansionDetail *d,
              TlSignal           signal,
              double             value,
              gboolean           fired)
{
  d->known[signal] = TRUE;
  d->value[signal] = value;
  d->fired[signal] = fired;
  d->n_fired += fired;
}

/* Judges the five expansion signals of one account. A signal whose inputs
 * are missing is unknown: it neither fires nor counts as silent. */
static void
compute_expansion (const Inputs      *in,
                   const TlModel     *model,
                   guint              row,
                   TlExpansionDetail *d)
{
  double licensed = get (in->seats_licensed, row);
  double used = get (in->seats_used, row);
  double requests = get (in->feature_requests, row);
  double growth = get (in->growth, row);
  double teams = get (in->teams, row);
  double calls = get (in->api_calls, row);
  double prev = get (in->api_calls_prev, row);
  gboolean any_known = FALSE;

  memset (d, 0, sizeof *d);

  if (!isnan (licensed) && !isnan (used) && licensed > 0)
    judge_signal (d, TL_SIGNAL_SEATS, used / licensed,
                  used / licensed > model->seat_utilization);
  if (!isnan (requests))
    judge_signal (d, TL_SIGNAL_FEATURE_REQUESTS, requests,
                  requests >= model->feature_requests);
  if (!isnan (growth))
    judge_signal (d, TL_SIGNAL_GROWTH, growth, growth >= model->growth);
  if (!isnan (teams))
    judge_signal (d, TL_SIGNAL_TEAMS, teams, teams >= model->teams);
  if (!isnan (calls) && !isnan (prev))
    {
      if (prev > 0)
        judge_signal (d, TL_SIGNAL_API, calls / prev,
                      calls >= model->api_spike * prev);
      else
        judge_signal (d, TL_SIGNAL_API, calls > 0 ? INFINITY : 0.0, calls > 0);
    }

  for (guint s = 0; s < TL_N_SIGNALS; s++)
    any_known |= d->known[s];

  if (!any_known)
    d->level = TL_EXPANSION_NONE;
  else if (d->n_fired >= model->expansion_high)
    d->level = TL_EXPANSION_HIGH;
  else if (d->n_fired >= model->expansion_medium)
    d->level = TL_EXPANSION_MEDIUM;
  else
    d->level = TL_EXPANSION_LOW;
}

/* Returns the tier of an ARR: 1 at or above T1, 2 at or above T2, 3 at or
 * above T3, else 4; TL_TIER_NONE for no ARR. */
guint
tl_tier_for_arr (const TlModel *model,
                 double         arr)
{
  g_return_val_if_fail (model != NULL, TL_TIER_NONE);

  if (isnan (arr) || arr < 0)
    return TL_TIER_NONE;

  for (guint t = 0; t < TL_N_TIERS - 1; t++)
    if (arr >= model->tiers[t].lower_bound)
      return t + 1;

  return TL_N_TIERS;
}

TlHealthStatus
tl_health_status_for_score (const TlModel *model,
                            int            score)
{
  g_return_val_if_fail (model != NULL, TL_HEALTH_NONE);

  if (score < 0)
    return TL_HEALTH_NONE;
  if (score >= model->band_healthy)
    return TL_HEALTH_HEALTHY;
  if (score >= model->band_stable)
    return TL_HEALTH_STABLE;
  if (score >= model->band_at_risk)
    return TL_HEALTH_AT_RISK;

  return TL_HEALTH_CRITICAL;
}

static void
allocate (TlSegmentation *self,
          guint           n)
{
  gsize size = MAX (n, 1);

  self->n_accounts = n;
  self->tier = g_new0 (guint8, size);
  self->health = g_new0 (guint8, size);
  self->health_flags = g_new0 (guint8, size);
  self->expansion = g_new0 (guint8, size);
  self->signals_fired = g_new0 (guint8, size);
  self->signals_known = g_new0 (guint8, size);
  self->movement = g_new0 (guint16, size);
}

/* The totals of a run of rows, added up per thread and merged. */
typedef struct
{
  TlTierStats tiers[TL_N_TIERS + 1];
  guint       health_counts[TL_HEALTH_NONE + 1];
  guint       expansion_counts[TL_EXPANSION_HIGH + 1];
  double      total_arr;
} Totals;

static void
tally (Totals               *totals,
       const TlSegmentation *self,
       const Inputs         *in,
       const TlModel        *model,
       guint                 row)
{
  guint tier = self->tier[row];
  int score = self->health[row] == TL_HEALTH_ABSENT ? -1 : self->health[row];

  totals->tiers[tier].accounts++;
  if (tier != TL_TIER_NONE)
    {
      totals->tiers[tier].arr += in->arr[row];
      totals->total_arr += in->arr[row];
    }
  totals->health_counts[tl_health_status_for_score (model, score)]++;
  totals->expansion_counts[self->expansion[row]]++;
}

static void
merge_totals (TlSegmentation *self,
              const Totals   *totals)
{
  for (guint t = 0; t <= TL_N_TIERS; t++)
    {
      self->tiers[t].accounts += totals->tiers[t].accounts;
      self->tiers[t].arr += totals->tiers[t].arr;
    }
  for (guint h = 0; h <= TL_HEALTH_NONE; h++)
    self->health_counts[h] += totals->health_counts[h];
  for (guint e = 0; e <= TL_EXPANSION_HIGH; e++)
    self->expansion_counts[e] += totals->expansion_counts[e];
  self->total_arr += totals->total_arr;
}

static void
compute_shares (TlSegmentation *self)
{
  guint with_tier = self->n_accounts - self->tiers[TL_TIER_NONE].accounts;

  for (guint t = 1; t <= TL_N_TIERS; t++)
    {
      TlTierStats *s = &self->tiers[t];

      s->share_accounts = with_tier > 0 ? (double) s->accounts / with_tier : 0.0;
      s->share_arr = self->total_arr > 0 ? s->arr / self->total_arr : 0.0;
    }
}

static void
reset_totals (TlSegmentation *self)
{
  memset (self->tiers, 0, sizeof self->tiers);
  memset (self->health_counts, 0, sizeof self->health_counts);
  memset (self->expansion_counts, 0, sizeof self->expansion_counts);
  self->total_arr = 0;
}

/* Fewer rows are segmented on one thread: starting others costs more. */
#define ROWS_PER_THREAD 50000
#define MAX_THREADS 4

/* The rows one thread segments, and their totals. */
typedef struct
{
  TlSegmentation *seg;
  const Inputs   *in;
  const TlModel  *model;
  guint           first_row;
  guint           end_row;
  gboolean        tiers_only;   /* the scores are kept, as for new tier bounds */
  Totals          totals;
} Share;

static gpointer
segment_share (gpointer data)
{
  Share *share = data;
  TlSegmentation *seg = share->seg;

  for (guint r = share->first_row; r < share->end_row; r++)
    {
      TlHealthDetail h;
      TlExpansionDetail e;
      guint8 flags = 0;

      if (share->tiers_only)
        {
          seg->tier[r] = tl_tier_for_arr (share->model, share->in->arr[r]);
          tally (&share->totals, seg, share->in, share->model, r);
          continue;
        }

      compute_health (share->in, share->model, r, &h);
      compute_expansion (share->in, share->model, r, &e);

      for (guint c = 0; c < TL_N_COMPONENTS; c++)
        flags |= h.has_data[c] << c;
      flags |= h.external ? TL_HEALTH_FLAG_EXTERNAL : 0;
      flags |= h.partial ? TL_HEALTH_FLAG_PARTIAL : 0;

      seg->tier[r] = tl_tier_for_arr (share->model, share->in->arr[r]);
      seg->health[r] = h.score < 0 ? TL_HEALTH_ABSENT : h.score;
      seg->health_flags[r] = flags;
      seg->expansion[r] = e.level;
      seg->signals_fired[r] = 0;
      seg->signals_known[r] = 0;
      for (guint s = 0; s < TL_N_SIGNALS; s++)
        {
          seg->signals_fired[r] |= e.fired[s] << s;
          seg->signals_known[r] |= e.known[s] << s;
        }
      tally (&share->totals, seg, share->in, share->model, r);
    }

  return NULL;
}

/* Recomputes the tiers and the totals, and with @scores the health and
 * expansion of every account too, in a share of the rows per core. */
static void
update (TlSegmentation       *segmentation,
        const TlAccountTable *table,
        const TlModel        *model,
        gboolean              scores)
{
  Inputs in;
  Share shares[MAX_THREADS];
  GThread *threads[MAX_THREADS] = { NULL };
  guint n_shares;

  g_return_if_fail (segmentation != NULL);
  g_return_if_fail (table != NULL);
  g_return_if_fail (model != NULL);
  g_return_if_fail (tl_account_table_get_arr (table) != NULL);
  g_return_if_fail (segmentation->n_accounts == tl_account_table_get_n_rows (table));

  inputs_init (&in, table);
  reset_totals (segmentation);

  n_shares = CLAMP (MIN (g_get_num_processors (), segmentation->n_accounts / ROWS_PER_THREAD),
                    1, MAX_THREADS);
  for (guint i = 0; i < n_shares; i++)
    {
      memset (&shares[i], 0, sizeof shares[i]);
      shares[i].seg = segmentation;
      shares[i].in = &in;
      shares[i].model = model;
      shares[i].tiers_only = !scores;
      shares[i].first_row = (guint) ((guint64) segmentation->n_accounts * i / n_shares);
      shares[i].end_row = (guint) ((guint64) segmentation->n_accounts * (i + 1) / n_shares);
    }
  for (guint i = 1; i < n_shares; i++)
    threads[i] = g_thread_new ("tl-segment", segment_share, &shares[i]);
  segment_share (&shares[0]);
  for (guint i = 0; i < n_shares; i++)
    {
      if (i > 0)
        g_thread_join (threads[i]);
      merge_totals (segmentation, &shares[i].totals);
    }

  compute_shares (segmentation);
}

/**
 * tl_segmentation_update:
 * @segmentation: results to overwrite
 * @table: the accounts, with a map applied
 * @model: the parameters
 *
 * Recomputes every account's tier, health and expansion and the totals,
 * from the values already in memory.
 */
void
tl_segmentation_update (TlSegmentation       *segmentation,
                        const TlAccountTable *table,
                        const TlModel        *model)
{
  update (segmentation, table, model, TRUE);
}

/**
 * tl_segmentation_update_tiers:
 * @segmentation: results to overwrite, computed under a model that scores
 *   as @model does (see tl_model_scores_alike())
 * @table: the accounts, with a map applied
 * @model: the parameters
 *
 * Recomputes every account's tier and the totals, keeping the health and
 * expansion results, which depend on no tier parameter.
 */
void
tl_segmentation_update_tiers (TlSegmentation       *segmentation,
                              const TlAccountTable *table,
                              const TlModel        *model)
{
  update (segmentation, table, model, FALSE);
}

/**
 * tl_segmentation_new:
 * @table: the accounts, with a map applied
 * @model: the parameters
 *
 * Segments every account of @table.
 *
 * Returns: (transfer full): the results
 */
TlSegmentation *
tl_segmentation_new (const TlAccountTable *table,
                     const TlModel        *model)
{
  TlSegmentation *self;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (model != NULL, NULL);

  self = g_new0 (TlSegmentation, 1);
  allocate (self, tl_account_table_get_n_rows (table));
  tl_segmentation_update (self, table, model);

  return self;
}

void
tl_segmentation_free (TlSegmentation *segmentation)
{
  if (segmentation == NULL)
    return;

  g_free (segmentation->tier);
  g_free (segmentation->health);
  g_free (segmentation->health_flags);
  g_free (segmentation->expansion);
  g_free (segmentation->signals_fired);
  g_free (segmentation->signals_known);
  g_free (segmentation->movement);
  g_free (segmentation);
}

TlHealthStatus
tl_segmentation_get_status (const TlSegmentation *segmentation,
                            const TlModel        *model,
                            guint                 row)
{
  g_return_val_if_fail (segmentation != NULL, TL_HEALTH_NONE);
  g_return_val_if_fail (row < segmentation->n_accounts, TL_HEALTH_NONE);

  if (segmentation->health[row] == TL_HEALTH_ABSENT)
    return TL_HEALTH_NONE;

  return tl_health_status_for_score (model, segmentation->health[row]);
}

/* Fills @detail with one account's health, component by component. */
void
tl_health_explain (const TlAccountTable *table,
                   const TlModel        *model,
                   guint                 row,
                   TlHealthDetail       *detail)
{
  Inputs in;

  g_return_if_fail (table != NULL);
  g_return_if_fail (model != NULL);
  g_return_if_fail (detail != NULL);
  g_return_if_fail (row < tl_account_table_get_n_rows (table));

  inputs_init (&in, table);
  compute_health (&in, model, row, detail);
}

/* Fills @detail with one account's expansion signals. */
void
tl_expansion_explain (const TlAccountTable *table,
                      const TlModel        *model,
                      guint                 row,
                      TlExpansionDetail    *detail)
{
  Inputs in;

  g_return_if_fail (table != NULL);
  g_return_if_fail (model != NULL);
  g_return_if_fail (detail != NULL);
  g_return_if_fail (row < tl_account_table_get_n_rows (table));

  inputs_init (&in, table);
  compute_expansion (&in, model, row, detail);
}

/* Size of a buffer for format_count(): "%.0f" of the largest double has
 * 309 digits. */
#define COUNT_SIZE 320

/* Writes @value rounded to a whole number, as "%.0f" does. A whole value
 * below 10^15 is written as an integer, which gives the same digits with
 * less work. */
static const char *
format_count (double  value,
              char   *buffer)
{
  if (!signbit (value) && value < 1e15 && value == floor (value))
    g_snprintf (buffer, COUNT_SIZE, "%" G_GUINT64_FORMAT, (guint64) value);
  else
    g_snprintf (buffer, COUNT_SIZE, "%.0f", value);

  return buffer;
}

/* Appends the description of @signal, which is known, to @out. */
static void
append_signal (GString                 *out,
               const TlExpansionDetail *detail,
               TlSignal                 signal)
{
  double v = detail->value[signal];
  char count[COUNT_SIZE];

  switch (signal)
    {
    case TL_SIGNAL_SEATS:
      g_string_append_printf (out, _("Seats %d %% used"), tl_round_half_away (100 * v));
      break;
    case TL_SIGNAL_FEATURE_REQUESTS:
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s feature request",
                                                "%s feature requests",
                                                (gulong) CLAMP (v, 0, G_MAXUINT)),
                              format_count (v, count));
      break;
    case TL_SIGNAL_GROWTH:
      g_string_append_printf (out, _("Headcount %+d %%"), tl_round_half_away (100 * v));
      break;
    case TL_SIGNAL_TEAMS:
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s team using it",
                                                "%s teams using it",
                                                (gulong) CLAMP (v, 0, G_MAXUINT)),
                              format_count (v, count));
      break;
    case TL_SIGNAL_API:
      if (isinf (v))
        g_string_append (out, _("API calls up from none"));
      else
        g_string_append_printf (out, _("API calls %+d %%"), tl_round_half_away (100 * (v - 1)));
      break;
    case TL_N_SIGNALS:
    default:
      g_assert_not_reached ();
    }
}

/**
 * tl_expansion_describe_signal:
 * @detail: an account's signals
 * @signal: one of them
 *
 * Describes a known signal with its value, such as "Seats 92 % used",
 * "4 feature requests" or "API calls +160 %".
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when unknown
 */
char *
tl_expansion_describe_signal (const TlExpansionDetail *detail,
                              TlSignal                 signal)
{
  GString *text;

  g_return_val_if_fail (detail != NULL, NULL);
  g_return_val_if_fail (signal < TL_N_SIGNALS, NULL);

  if (!detail->known[signal])
    return NULL;

  text = g_string_new (NULL);
  append_signal (text, detail, signal);

  return g_string_free (text, FALSE);
}

/**
 * tl_expansion_append_fired:
 * @out: the text to append to
 * @detail: an account's signals
 * @separator: the character between two signals
 *
 * Appends the fired signals with their values to @out, as
 * tl_expansion_describe_signal() describes them, with @separator between
 * two of them.
 *
 * Returns: the number of signals appended
 */
guint
tl_expansion_append_fired (GString                 *out,
                           const TlExpansionDetail *detail,
                           char                     separator)
{
  guint n_appended = 0;

  g_return_val_if_fail (out != NULL, 0);
  g_return_val_if_fail (detail != NULL, 0);

  for (guint s = 0; s < TL_N_SIGNALS; s++)
    {
      if (!detail->fired[s])
        continue;
      if (n_appended++ > 0)
        g_string_append_c (out, separator);
      append_signal (out, detail, s);
    }

  return n_appended;
}

/* Lists the fired signals with their values, one a line, or returns NULL
 * when none fired. */
char *
tl_expansion_describe_fired (const TlExpansionDetail *detail)
{
  GString *text;

  g_return_val_if_fail (detail != NULL, NULL);

  if (detail->n_fired == 0)
    return NULL;

  text = g_string_new (NULL);
  tl_expansion_append_fired (text, detail, '\n');

  return g_string_free (text, FALSE);
}

/* Names the components without data, such as "No data for Usage, NPS",
 * or returns NULL when all five have data. */
char *
tl_health_describe_missing (const TlHealthDetail *detail)
{
  g_autoptr(GString) names = g_string_new (NULL);

  g_return_val_if_fail (detail != NULL, NULL);

  for (guint c = 0; c < TL_N_COMPONENTS; c++)
    if (!detail->has_data[c])
      g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "",
                              tl_component_get_label (c));

  if (names->len == 0)
    return NULL;

  /* Translators: followed by a list of health components */
  return g_strdup_printf (_("No data for %s"), names->str);
}

const char *
tl_health_status_get_label (TlHealthStatus status)
{
  static const char *const labels[] = {
    N_("Healthy"), N_("Stable"), N_("At Risk"), N_("Critical"), N_("No score"),
  };

  g_return_val_if_fail (status <= TL_HEALTH_NONE, NULL);

  return _(labels[status]);
}

/* Returns the style class of a status: health-healthy (green),
 * health-stable (yellow), health-at-risk (orange), health-critical (red). */
const char *
tl_health_status_get_css_class (TlHealthStatus status)
{
  static const char *const classes[] = {
    "health-healthy", "health-stable", "health-at-risk", "health-critical", "health-none",
  };

  g_return_val_if_fail (status <= TL_HEALTH_NONE, NULL);

  return classes[status];
}

const char *
tl_expansion_level_get_label (TlExpansionLevel level)
{
  static const char *const labels[] = { "", N_("LOW"), N_("MEDIUM"), N_("HIGH") };

  g_return_val_if_fail (level <= TL_EXPANSION_HIGH, NULL);

  return level == TL_EXPANSION_NONE ? "" : _(labels[level]);
}
