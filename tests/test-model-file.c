/* test-model-file.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "tl-document.h"
#include "tl-model-file.h"

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static void
test_model_file_round_trip (void)
{
  g_autoptr(TlModel) model = tl_model_new_default ();
  g_autoptr(TlModel) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  g_free (model->tiers[1].motion[TL_MOTION_CADENCE]);
  model->tiers[1].motion[TL_MOTION_CADENCE] = g_strdup ("Monthly; \"QBR\" = yes\nsecond line");
  model->tiers[0].lower_bound = 400000;
  model->thresholds_automatic = FALSE;
  model->weights[0] = 25;
  model->weights[4] = 20;
  model->band_healthy = 85;
  model->expansion_high = 4;
  model->headcount = 12;

  data = tl_model_to_data (model, NULL);
  copy = tl_model_new_from_data (data, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (copy->tiers[1].motion[TL_MOTION_CADENCE], ==,
                   "Monthly; \"QBR\" = yes\nsecond line");
  g_assert_cmpfloat (copy->tiers[0].lower_bound, ==, 400000);
  g_assert_false (copy->thresholds_automatic);
  g_assert_cmpfloat (copy->weights[0], ==, 25);
  g_assert_cmpfloat (copy->weights[4], ==, 20);
  g_assert_cmpint (copy->band_healthy, ==, 85);
  g_assert_cmpint (copy->expansion_high, ==, 4);
  g_assert_cmpuint (copy->headcount, ==, 12);
  g_assert_cmpstr (copy->tiers[3].name, ==, model->tiers[3].name);
  g_assert_cmpuint (copy->tiers[2].accounts_per_csm[1], ==, 100);
}

static void
test_model_file_missing_keys_keep_defaults (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlModel) model = tl_model_new_from_data ("[Tierline Model]\nVersion=1\n"
                                                     "[Expansion]\nTeams=3\n", -1, &error);

  g_assert_no_error (error);
  g_assert_cmpfloat (model->teams, ==, 3);
  g_assert_cmpfloat (model->tiers[0].lower_bound, ==, 250000);
  g_assert_true (model->thresholds_automatic);
  g_assert_cmpfloat (model->weights[0], ==, 30);
}

typedef struct
{
  const char *text;
  int         code;
  const char *message_part;
} BadModel;

static const BadModel bad_models[] = {
  { "[Tierline Model]\nVersion=2\n", TL_MODEL_ERROR_NEWER, "newer version" },
  { "[Other]\nVersion=1\n", TL_MODEL_ERROR_INVALID, "not a Tierline model" },
  { "[Tierline Model]\nVersion=one\n", TL_MODEL_ERROR_INVALID, "Version" },
  { "[Tierline Model]\nVersion=1\n[Health]\nWeights=30;20;20;15;10\n", TL_MODEL_ERROR_INVALID,
    "total 95" },
  { "[Tierline Model]\nVersion=1\n[Health]\nWeights=30;20;20;30\n", TL_MODEL_ERROR_INVALID,
    "expected 5 values" },
  { "[Tierline Model]\nVersion=1\n[Health]\nBandStable=85\n", TL_MODEL_ERROR_INVALID,
    "bands must rise" },
  { "[Tierline Model]\nVersion=1\n[Tier 2]\nLowerBound=300000\n", TL_MODEL_ERROR_INVALID,
    "below the bound of tier 1" },
  { "[Tierline Model]\nVersion=1\n[Tier 3]\nLowerBound=-5\n", TL_MODEL_ERROR_INVALID,
    "positive amount" },
  { "[Tierline Model]\nVersion=1\n[Expansion]\nHighSignals=6\n", TL_MODEL_ERROR_INVALID,
    "between 1 and 5" },
  { "[Tierline Model]\nVersion=1\n[Capacity]\nHeadcount=-3\n", TL_MODEL_ERROR_INVALID,
    "Headcount" },
  { "[Tierline Model]\nVersion=1\n[Tier 1]\nName=\n", TL_MODEL_ERROR_INVALID, "no name" },
};

static void
test_model_file_rejects (gconstpointer data)
{
  const BadModel *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlModel) model = tl_model_new_from_data (bad->text, -1, &error);

  g_assert_null (model);
  g_assert_error (error, TL_MODEL_ERROR, bad->code);
  g_assert_nonnull (strstr (error->message, bad->message_part));
}

static void
test_model_file_wrong_type_names_key (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlModel) model = tl_model_new_from_data ("[Tierline Model]\nVersion=1\n"
                                                     "[Health]\nUsageFullRatio=half\n", -1,
                                                     &error);

  g_assert_null (model);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "[Health] UsageFullRatio"));
}

static void
test_model_file_save_and_open (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tierline-model-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "team.tierline", NULL);
  g_autoptr(TlModel) model = tl_model_new_default ();
  g_autoptr(TlModel) opened = NULL;
  g_autoptr(GError) error = NULL;

  model->tiers[2].lower_bound = 12000;
  g_assert_true (tl_model_save_file (model, path, &error));
  g_assert_no_error (error);
  opened = tl_model_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (opened->tiers[2].lower_bound, ==, 12000);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_model_file_error_names_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tierline-model-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "future.tierline", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlModel) model = NULL;

  g_assert_true (g_file_set_contents (path, "[Tierline Model]\nVersion=9\n", -1, NULL));
  model = tl_model_new_from_file (path, &error);

  g_assert_null (model);
  g_assert_nonnull (strstr (error->message, "future.tierline: "));

  g_unlink (path);
  g_rmdir (dir);
}

/* Bytes that are not a key file give a message of Tierline's own, which
 * does not quote the bytes, such as the escape that starts a terminal
 * control sequence. */
static void
test_model_file_not_key_file (void)
{
  static const char data[] = "\x1b[2J\x01\x02garbage without sections\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TlModel) model = tl_model_new_from_data (data, sizeof data - 1, &error);

  g_assert_null (model);
  g_assert_error (error, TL_MODEL_ERROR, TL_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not a Tierline model file"));
  g_assert_null (strchr (error->message, '\x1b'));
}

/* A key in the wrong section would be ignored without a word: it is an
 * error that names the section and the key, as is an unknown section. */
static void
test_model_file_unknown_key (void)
{
  static const char wrong_section[] = "[Tierline Model]\nVersion=1\n[Capacity]\nArrPerCsm=1;2;\n";
  static const char unknown_section[] = "[Tierline Model]\nVersion=1\n[Tier 5]\nName=Extra\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TlModel) model = tl_model_new_from_data (wrong_section, -1, &error);

  g_assert_null (model);
  g_assert_error (error, TL_MODEL_ERROR, TL_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "[Capacity] ArrPerCsm"));

  g_clear_error (&error);
  model = tl_model_new_from_data (unknown_section, -1, &error);
  g_assert_null (model);
  g_assert_error (error, TL_MODEL_ERROR, TL_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "[Tier 5]"));
}

static guint
row_of (const TlAccountTable *table,
        const char           *id)
{
  for (guint r = 0; r < tl_account_table_get_n_rows (table); r++)
    if (g_strcmp0 (tl_account_table_get_text (table, TL_FIELD_ID, r), id) == 0)
      return r;

  g_error ("no account %s", id);
}

/* The command line's accounts under a changed model. The file has CSAT
 * 4.5, 3.9, 4.8, 2.1, 3.0 (a 1-5 scale) and NPS 60, 20, 70, -40, 0 (a
 * -100..100 scale, because of -40), and seats 380 of 400, 41 of 80, 24 of
 * 25, 2 of 6, 4 of 10. */
static void
test_model_file_changes_results (void)
{
  g_autofree char *model_path = data_path ("model-changed.tierline");
  g_autofree char *input = data_path ("cli-accounts.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(TlModel) model = tl_model_new_from_file (model_path, &error);
  g_autoptr(TlDocument) doc = NULL;
  const TlAccountTable *table;
  const TlSegmentation *seg;
  guint c1, c2, c3, c4;

  g_assert_no_error (error);
  doc = tl_document_read (input, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tl_document_apply_map (doc, NULL, model, &error));
  table = tl_document_get_table (doc);
  seg = tl_document_get_segmentation (doc);
  c1 = row_of (table, "C-1");
  c2 = row_of (table, "C-2");
  c3 = row_of (table, "C-3");
  c4 = row_of (table, "C-4");

  /* Bounds 60,000 / 15,000 / 4,000: 312,000 and 64,500 are tier 1,
   * 18,000 tier 2, 4,800 tier 3. */
  g_assert_cmpuint (seg->tier[c1], ==, 1);
  g_assert_cmpuint (seg->tier[c2], ==, 1);
  g_assert_cmpuint (seg->tier[c3], ==, 2);
  g_assert_cmpuint (seg->tier[c4], ==, 3);
  g_assert_cmpstr (tl_document_get_model (doc)->tiers[0].name, ==, "Enterprise");

  /* C-1: support 20 x (4.5 - 1) / 4 = 17.5, NPS now worth 10: 10 x 160 /
   * 200 = 8; 25.5 of 30 = 85 (with the default weights 29.5 of 35 = 84). */
  g_assert_cmpuint (seg->health[c1], ==, 85);
  /* C-4: support 20 x 1.1 / 4 = 5.5, NPS 10 x 60 / 200 = 3; 8.5 of 30 =
   * 28.3, so 28 (29 with the default weights). */
  g_assert_cmpuint (seg->health[c4], ==, 28);

  /* Seats fire above 90 %: 380/400 = 95 % and 24/25 = 96 % do, and with
   * HIGH at one signal they are HIGH; 41/80 fires nothing: LOW. */
  g_assert_cmpuint (seg->expansion[c1], ==, TL_EXPANSION_HIGH);
  g_assert_cmpuint (seg->expansion[c3], ==, TL_EXPANSION_HIGH);
  g_assert_cmpuint (seg->expansion[c2], ==, TL_EXPANSION_LOW);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tierline/model-file/round-trip", test_model_file_round_trip);
  g_test_add_func ("/tierline/model-file/not-key-file", test_model_file_not_key_file);
  g_test_add_func ("/tierline/model-file/unknown-key", test_model_file_unknown_key);
  g_test_add_func ("/tierline/model-file/missing-keys-keep-defaults",
                   test_model_file_missing_keys_keep_defaults);
  for (guint i = 0; i < G_N_ELEMENTS (bad_models); i++)
    {
      g_autofree char *path = g_strdup_printf ("/tierline/model-file/rejects/%u", i);

      g_test_add_data_func (path, &bad_models[i], test_model_file_rejects);
    }
  g_test_add_func ("/tierline/model-file/wrong-type-names-key",
                   test_model_file_wrong_type_names_key);
  g_test_add_func ("/tierline/model-file/save-and-open", test_model_file_save_and_open);
  g_test_add_func ("/tierline/model-file/error-names-file", test_model_file_error_names_file);
  g_test_add_func ("/tierline/model-file/changes-results", test_model_file_changes_results);

  return g_test_run ();
}
