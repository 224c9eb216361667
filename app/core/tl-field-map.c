/* tl-field-map.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-field-map"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tl-field-map.h"
#include "tl-value.h"

/* Headers listed in an error message before the rest is only counted. */
#define MAX_LISTED_HEADERS 40

struct _TlFieldMap
{
  GPtrArray *headers;
  int        column[TL_N_FIELDS];
  TlMatch    match[TL_N_FIELDS];
  GArray    *candidates[TL_N_FIELDS];   /* columns that tie for the field */
};

G_DEFINE_QUARK (tl-field-map-error-quark, tl_field_map_error)

/* Currency codes that may trail a header, as in "ARR (USD)" or "arr_eur". */
static const char *const currency_codes[] = {
  "usd", "eur", "gbp", "chf", "jpy", "cny", "cad", "aud", "nzd", "sek", "nok",
  "dkk", "pln", "czk", "huf", "inr", "brl", "mxn", "zar", "sgd", "hkd", "krw",
  NULL
};

/* Words that turn an amount into another quantity: "MRR Change", "Target
 * ARR" and "Previous MRR" are not the current MRR or ARR, so a header with
 * one of them is no weak match. */
static const char *const changing_words[] = {
  "change", "delta", "diff", "difference", "growth", "increase", "decrease", "target",
  "forecast", "potential", "previous", "prev", "prior", "last", "churn", "churned", "lost",
  "expansion", "upsell", "new", "quota", "budget", NULL
};

static gboolean
is_unit_word (const char *word)
{
  if (g_strv_contains (currency_codes, word))
    return TRUE;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '%' && g_unichar_type (c) != G_UNICODE_CURRENCY_SYMBOL)
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c);
}

static gboolean
is_unit_char (gunichar c)
{
  return c == '%' || g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL;
}

/* Starts a new word where camel case changes: "customerID", "APICalls". */
static gboolean
is_camel_boundary (gunichar prev,
                   gunichar c,
                   gunichar next)
{
  if (!g_unichar_isupper (c))
    return FALSE;
  if (g_unichar_islower (prev) || g_unichar_isdigit (prev))
    return TRUE;

  return g_unichar_isupper (prev) && g_unichar_islower (next);
}

static void
push_word (GPtrArray *words,
           GString   *word)
{
  if (word->len == 0)
    return;

  g_ptr_array_add (words, g_utf8_strdown (word->str, word->len));
  g_string_truncate (word, 0);
}

/* Splits a header into lowercase words. Unit symbols (%, $, €) become words
 * of their own so that trailing units can be dropped. */
static GPtrArray *
split_words (const char *header)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) word = g_string_new (NULL);
  gunichar prev = 0;

  for (const char *p = header; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next_p = g_utf8_next_char (p);
      gunichar next = *next_p != '\0' ? g_utf8_get_char (next_p) : 0;

      if (is_unit_char (c))
        {
          push_word (words, word);
          g_string_append_unichar (word, c);
          push_word (words, word);
        }
      else if (!is_word_char (c))
        push_word (words, word);
      else
        {
          if (word->len > 0 && is_camel_boundary (prev, c, next))
            push_word (words, word);
          g_string_append_unichar (word, c);
        }
      prev = c;
    }
  push_word (words, word);

  return words;
}

/* Drops trailing currency codes and units, then any other unit symbol,
 * unless nothing would be left. */
static void
drop_units (GPtrArray *words)
{
  while (words->len > 1 && is_unit_word (g_ptr_array_index (words, words->len - 1)))
    g_ptr_array_remove_index (words, words->len - 1);

  for (guint i = words->len; i > 0 && words->len > 1; i--)
    {
      const char *w = g_ptr_array_index (words, i - 1);

      if (g_unichar_type (g_utf8_get_char (w)) == G_UNICODE_CURRENCY_SYMBOL
          || w[0] == '%')
        g_ptr_array_remove_index (words, i - 1);
    }
}

static GPtrArray *
header_words (const char *header)
{
  g_autofree char *valid = NULL;
  GPtrArray *words;

  /* The reader validates only the first 64 KiB of a UTF-8 file, so a
   * header below long title lines can contain bytes that are not UTF-8. */
  if (!g_utf8_validate (header, -1, NULL))
    header = valid = g_utf8_make_valid (header, -1);

  words = split_words (header);
  drop_units (words);

  return words;
}

static char *
join_words (GPtrArray *words)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    g_string_append (joined, g_ptr_array_index (words, i));

  return g_string_free (joined, FALSE);
}

/**
 * tl_header_normalize:
 * @header: a header as the file spells it
 *
 * Lowercases @header and drops separators (spaces, `_`, `-`, `.`, `/`,
 * brackets, `#`) and a trailing currency code or unit.
 *
 * Returns: (transfer full): the form headers are compared in
 */
char *
tl_header_normalize (const char *header)
{
  g_autoptr(GPtrArray) words = NULL;

  g_return_val_if_fail (header != NULL, NULL);

  words = header_words (header);

  return join_words (words);
}

/* Returns the changing words among @words, each once. A header is split
 * once and compared with every synonym, so a long one must not be
 * searched for changing words once per synonym. */
static GPtrArray *
find_changing_words (GPtrArray *words)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < words->len; i++)
    {
      const char *w = g_ptr_array_index (words, i);

      if (g_strv_contains (changing_words, w)
          && !g_ptr_array_find_with_equal_func (found, w, g_str_equal, NULL))
        g_ptr_array_add (found, (gpointer) w);
    }

  return found;
}

static gboolean
has_changing_word (GPtrArray *changing,
                   GPtrArray *needle)
{
  for (guint i = 0; i < changing->len; i++)
    if (!g_ptr_array_find_with_equal_func (needle, g_ptr_array_index (changing, i),
                                           g_str_equal, NULL))
      return TRUE;

  return FALSE;
}

/* Returns whether @needle occurs as a run of whole words in @haystack,
 * and none of the other words (@changing lists them) changes what the
 * header measures. */
static gboolean
contains_words (GPtrArray *haystack,
                GPtrArray *changing,
                GPtrArray *needle)
{
  if (needle->len == 0 || needle->len > haystack->len)
    return FALSE;
  if (has_changing_word (changing, needle))
    return FALSE;

  for (guint start = 0; start + needle->len <= haystack->len; start++)
    {
      guint i = 0;

      while (i < needle->len
             && strcmp (g_ptr_array_index (haystack, start + i),
                        g_ptr_array_index (needle, i)) == 0)
        i++;
      if (i == needle->len)
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  int     exact_field;                 /* -1 when none */
  guint   weak_words;                  /* words of the longest weak synonym */
  gboolean weak_field[TL_N_FIELDS];    /* fields matched with weak_words words */
} HeaderMatch;

/* A field's synonym split into words. */
typedef struct
{
  TlField    field;
  GPtrArray *words;
  char      *joined;
} Synonym;

/* Returns every field's synonyms split into words, in field order. They
 * are split once, not once per header. */
static GArray *
get_synonyms (void)
{
  static GArray *synonyms;

  if (g_once_init_enter (&synonyms))
    {
      GArray *split = g_array_new (FALSE, FALSE, sizeof (Synonym));

      for (guint f = 0; f < TL_N_FIELDS; f++)
        {
          const char *const *texts = tl_field_get_synonyms (f);

          for (guint s = 0; texts[s] != NULL; s++)
            {
              Synonym syn = { f, header_words (texts[s]), NULL };

              syn.joined = join_words (syn.words);
              g_array_append_val (split, syn);
            }
        }
      g_once_init_leave (&synonyms, split);
    }

  return synonyms;
}

static void
match_header (const char  *header,
              HeaderMatch *m)
{
  GArray *synonyms = get_synonyms ();
  g_autoptr(GPtrArray) words = header_words (header);
  g_autoptr(GPtrArray) changing = find_changing_words (words);
  g_autofree char *joined = join_words (words);

  memset (m, 0, sizeof *m);
  m->exact_field = -1;

  for (guint i = 0; i < synonyms->len; i++)
    {
      const Synonym *syn = &g_array_index (synonyms, Synonym, i);

      if (strcmp (joined, syn->joined) == 0)
        {
          m->exact_field = syn->field;
          break;
        }
      if (contains_words (words, changing, syn->words) && syn->words->len >= m->weak_words)
        {
          if (syn->words->len > m->weak_words)
            memset (m->weak_field, 0, sizeof m->weak_field);
          m->weak_words = syn->words->len;
          m->weak_field[syn->field] = TRUE;
        }
    }
}

/* Returns the single field a weak match points to, or -1 when it ties. */
static int
weak_field_of (const HeaderMatch *m)
{
  int found = -1;

  if (m->exact_field >= 0 || m->weak_words == 0)
    return -1;

  for (guint f = 0; f < TL_N_FIELDS; f++)
    {
      if (!m->weak_field[f])
        continue;
      if (found >= 0)
        return -1;
      found = f;
    }

  return found;
}

static void
resolve_field (TlFieldMap *self,
               TlField     field,
               GArray     *exact,
               GArray     *weak)
{
  GArray *chosen = exact->len > 0 ? exact : weak;

  if (chosen->len == 0)
    return;

  if (chosen->len == 1)
    {
      self->column[field] = g_array_index (chosen, int, 0);
      self->match[field] = chosen == exact ? TL_MATCH_EXACT : TL_MATCH_WEAK;
      return;
    }

  self->candidates[field] = g_array_copy (chosen);
  self->match[field] = chosen == exact ? TL_MATCH_EXACT : TL_MATCH_WEAK;
  g_debug ("%u columns match field %s", chosen->len, tl_field_get_key (field));
}

/* Returns the header that column @c repeats, as in "ARR" for the "ARR (2)"
 * that the account table names a second "ARR" column, or NULL. A repeated
 * header matches its field as well as the first one, so that two ARR
 * columns are a choice for the user and not a silent pick. */
static char *
get_repeated_base (GPtrArray *headers,
                   guint      c)
{
  const char *header = g_ptr_array_index (headers, c);
  gsize len = strlen (header);
  const char *open = g_strrstr (header, " (");
  g_autofree char *base = NULL;

  if (open == NULL || len < 4 || header[len - 1] != ')' || open + 2 >= header + len - 1)
    return NULL;

  for (const char *p = open + 2; p < header + len - 1; p++)
    if (!g_ascii_isdigit (*p))
      return NULL;

  base = g_strndup (header, open - header);
  for (guint i = 0; i < headers->len; i++)
    if (i != c && strcmp (g_ptr_array_index (headers, i), base) == 0)
      return g_steal_pointer (&base);

  return NULL;
}

/**
 * tl_field_map_new:
 * @headers: the file's header cells
 * @n_headers: their number
 *
 * Matches headers to fields. An exact match (the header equals a synonym)
 * wins over a weak one (the header's words contain a synonym's words). A
 * header that matches one field exactly is no candidate for any other, and
 * a weak header is a candidate only for the fields whose longest synonym it
 * contains; when that ties between fields, it is left unmatched.
 *
 * Returns: (transfer full): the map
 */
TlFieldMap *
tl_field_map_new (const char * const *headers,
                  guint               n_headers)
{
  TlFieldMap *self = g_new0 (TlFieldMap, 1);
  g_autofree HeaderMatch *matches = g_new0 (HeaderMatch, MAX (n_headers, 1));

  g_return_val_if_fail (headers != NULL || n_headers == 0, NULL);

  self->headers = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < n_headers; c++)
    g_ptr_array_add (self->headers, g_strdup (headers[c] ? headers[c] : ""));

  for (guint c = 0; c < n_headers; c++)
    {
      g_autofree char *base = get_repeated_base (self->headers, c);

      match_header (base != NULL ? base : g_ptr_array_index (self->headers, c), &matches[c]);
    }

  for (guint f = 0; f < TL_N_FIELDS; f++)
    {
      g_autoptr(GArray) exact = g_array_new (FALSE, FALSE, sizeof (int));
      g_autoptr(GArray) weak = g_array_new (FALSE, FALSE, sizeof (int));

      self->column[f] = -1;
      for (guint c = 0; c < n_headers; c++)
        {
          int col = c;

          if (matches[c].exact_field == (int) f)
            g_array_append_val (exact, col);
          else if (weak_field_of (&matches[c]) == (int) f)
            g_array_append_val (weak, col);
        }
      resolve_field (self, f, exact, weak);
    }

  return self;
}

TlFieldMap *
tl_field_map_copy (const TlFieldMap *map)
{
  TlFieldMap *copy;

  g_return_val_if_fail (map != NULL, NULL);

  copy = g_memdup2 (map, sizeof *map);
  copy->headers = g_ptr_array_new_full (map->headers->len, g_free);
  for (guint c = 0; c < map->headers->len; c++)
    g_ptr_array_add (copy->headers, g_strdup (g_ptr_array_index (map->headers, c)));
  for (guint f = 0; f < TL_N_FIELDS; f++)
    if (map->candidates[f] != NULL)
      copy->candidates[f] = g_array_copy (map->candidates[f]);

  return copy;
}

void
tl_field_map_free (TlFieldMap *map)
{
  if (map == NULL)
    return;

  for (guint f = 0; f < TL_N_FIELDS; f++)
    g_clear_pointer (&map->candidates[f], g_array_unref);
  g_ptr_array_unref (map->headers);
  g_free (map);
}

guint
tl_field_map_get_n_headers (const TlFieldMap *map)
{
  g_return_val_if_fail (map != NULL, 0);

  return map->headers->len;
}

const char *
tl_field_map_get_header (const TlFieldMap *map,
                         guint             column)
{
  g_return_val_if_fail (map != NULL, NULL);
  g_return_val_if_fail (column < map->headers->len, NULL);

  return g_ptr_array_index (map->headers, column);
}

/* Returns the column that holds @field, or -1 when none does. */
int
tl_field_map_get_column (const TlFieldMap *map,
                         TlField           field)
{
  g_return_val_if_fail (map != NULL, -1);
  g_return_val_if_fail (field < TL_N_FIELDS, -1);

  return map->column[field];
}

TlMatch
tl_field_map_get_match (const TlFieldMap *map,
                        TlField           field)
{
  g_return_val_if_fail (map != NULL, TL_MATCH_NONE);
  g_return_val_if_fail (field < TL_N_FIELDS, TL_MATCH_NONE);

  return map->column[field] >= 0 ? map->match[field] : TL_MATCH_NONE;
}

/* Returns the columns that tie for @field, or NULL when it is not ambiguous. */
const int *
tl_field_map_get_candidates (const TlFieldMap *map,
                             TlField           field,
                             guint            *n_candidates)
{
  g_return_val_if_fail (map != NULL, NULL);
  g_return_val_if_fail (field < TL_N_FIELDS, NULL);

  if (map->candidates[field] == NULL)
    {
      if (n_candidates != NULL)
        *n_candidates = 0;
      return NULL;
    }

  if (n_candidates != NULL)
    *n_candidates = map->candidates[field]->len;

  return (const int *) (gpointer) map->candidates[field]->data;
}

/* Returns the field @column holds, or -1. */
int
tl_field_map_get_field_of (const TlFieldMap *map,
                           guint             column)
{
  g_return_val_if_fail (map != NULL, -1);

  for (guint f = 0; f < TL_N_FIELDS; f++)
    if (map->column[f] == (int) column)
      return f;

  return -1;
}

/* Assigns @column (or no column, with -1) to @field by hand. A column
 * holds one field, so another field that had it loses it. */
void
tl_field_map_set_column (TlFieldMap *map,
                         TlField     field,
                         int         column)
{
  g_return_if_fail (map != NULL);
  g_return_if_fail (field < TL_N_FIELDS);
  g_return_if_fail (column < (int) map->headers->len);

  if (column >= 0)
    {
      for (guint f = 0; f < TL_N_FIELDS; f++)
        if (map->column[f] == column)
          map->column[f] = -1;
    }

  map->column[field] = column < 0 ? -1 : column;
  map->match[field] = TL_MATCH_MANUAL;
  g_clear_pointer (&map->candidates[field], g_array_unref);
}

static int
find_header (const TlFieldMap *map,
             const char       *header)
{
  g_autofree char *wanted = tl_header_normalize (header);

  for (guint c = 0; c < map->headers->len; c++)
    if (strcmp (g_ptr_array_index (map->headers, c), header) == 0)
      return c;

  for (guint c = 0; c < map->headers->len; c++)
    {
      g_autofree char *have = tl_header_normalize (g_ptr_array_index (map->headers, c));

      if (*wanted != '\0' && strcmp (have, wanted) == 0)
        return c;
    }

  return -1;
}

/**
 * tl_field_map_apply_override:
 * @map: a map
 * @assignment: `FIELD=HEADER`, or `FIELD=` for no column
 * @error: return location for an error
 *
 * Assigns a column to a field as the command line's --map does. The header
 * is found as spelled, then in its normalized form.
 *
 * Returns: %TRUE on success
 */
gboolean
tl_field_map_apply_override (TlFieldMap  *map,
                             const char  *assignment,
                             GError     **error)
{
  const char *eq;
  g_autofree char *key = NULL;
  TlField field;
  int column = -1;

  g_return_val_if_fail (map != NULL, FALSE);
  g_return_val_if_fail (assignment != NULL, FALSE);

  eq = strchr (assignment, '=');
  if (eq == NULL)
    {
      g_set_error (error, TL_FIELD_MAP_ERROR, TL_FIELD_MAP_ERROR_UNKNOWN_FIELD,
                   _("Invalid mapping “%s”: write FIELD=HEADER, for example arr=\"Total ARR\"."),
                   assignment);
      return FALSE;
    }

  key = g_strndup (assignment, eq - assignment);
  g_strstrip (key);
  if (!tl_field_from_key (key, &field))
    {
      g_set_error (error, TL_FIELD_MAP_ERROR, TL_FIELD_MAP_ERROR_UNKNOWN_FIELD,
                   _("Unknown field “%s” in --map. Fields: id, name, arr, mrr, "
                     "seats_licensed, seats_used, dau, mau, dau_mau, features_used, "
                     "features_available, adoption, csat, escalations, exec_sponsor, "
                     "champion, nps, feature_requests, growth, teams, api_calls, "
                     "api_calls_prev, owner, renewal, current_tier, health_external."),
                   key);
      return FALSE;
    }

  if (eq[1] != '\0')
    {
      column = find_header (map, eq + 1);
      if (column < 0)
        {
          g_autofree char *listed = tl_field_map_list_headers (map);

          g_set_error (error, TL_FIELD_MAP_ERROR, TL_FIELD_MAP_ERROR_UNKNOWN_HEADER,
                       _("No column is named “%s”. Headers found: %s."), eq + 1, listed);
          return FALSE;
        }
    }

  tl_field_map_set_column (map, field, column);

  return TRUE;
}

static gboolean
check_ambiguous (const TlFieldMap  *map,
                 GError           **error)
{
  for (guint f = 0; f < TL_N_FIELDS; f++)
    {
      g_autoptr(GString) names = NULL;

      if (map->candidates[f] == NULL)
        continue;

      names = g_string_new (NULL);
      for (guint i = 0; i < map->candidates[f]->len; i++)
        {
          int col = g_array_index (map->candidates[f], int, i);

          g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "",
                                  (const char *) g_ptr_array_index (map->headers, col));
        }
      g_set_error (error, TL_FIELD_MAP_ERROR, TL_FIELD_MAP_ERROR_AMBIGUOUS,
                   _("The columns %s all look like %s; choose one."),
                   names->str, tl_field_get_label (f));
      return FALSE;
    }

  return TRUE;
}

/**
 * tl_field_map_validate:
 * @map: a map
 * @error: return location for an error
 *
 * Checks that the map can segment accounts: a name or id column, an ARR or
 * MRR column, and no field that two columns claim equally.
 *
 * Returns: %TRUE when the map is usable
 */
gboolean
tl_field_map_validate (const TlFieldMap  *map,
                       GError           **error)
{
  g_return_val_if_fail (map != NULL, FALSE);

  if (map->column[TL_FIELD_NAME] < 0 && map->column[TL_FIELD_ID] < 0
      && map->candidates[TL_FIELD_NAME] == NULL && map->candidates[TL_FIELD_ID] == NULL)
    {
      g_set_error_literal (error, TL_FIELD_MAP_ERROR, TL_FIELD_MAP_ERROR_NO_NAME,
                           _("No column holds the account name or id."));
      return FALSE;
    }

  if (map->column[TL_FIELD_ARR] < 0 && map->column[TL_FIELD_MRR] < 0
      && map->candidates[TL_FIELD_ARR] == NULL && map->candidates[TL_FIELD_MRR] == NULL)
    {
      g_set_error_literal (error, TL_FIELD_MAP_ERROR, TL_FIELD_MAP_ERROR_NO_REVENUE,
                           _("No column holds ARR or MRR."));
      return FALSE;
    }

  return check_ambiguous (map, error);
}

/**
 * tl_field_map_list_headers:
 * @map: a map
 *
 * Lists the headers for a message, each in quotes; past a few dozen only
 * their number is given.
 *
 * Returns: (transfer full): the list
 */
char *
tl_field_map_list_headers (const TlFieldMap *map)
{
  GString *list;
  guint shown;

  g_return_val_if_fail (map != NULL, NULL);

  list = g_string_new (NULL);
  shown = MIN (map->headers->len, MAX_LISTED_HEADERS);
  for (guint c = 0; c < shown; c++)
    {
      g_autofree char *header = tl_value_escape_controls (g_ptr_array_index (map->headers, c));

      g_string_append_printf (list, "%s“%s”", c > 0 ? ", " : "", header);
    }

  if (map->headers->len > shown)
    g_string_append_printf (list, _(" and %u more"), map->headers->len - shown);

  return g_string_free (list, FALSE);
}
