/* tl-text-ranks.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-text-ranks"

#include "config.h"

#include <string.h>

#include "tl-text-ranks.h"

/* Collation keys are sorted by their first bytes; keys that share them are
 * then compared in full. On glibc the first bytes hold the primary weights
 * of the letters. */
#define PREFIX_BYTES 44

/* Rows between two checks of the cancellable. */
#define CHECK_EVERY 65536

typedef struct
{
  guint8  prefix[PREFIX_BYTES];   /* the key's first bytes, zero-padded */
  guint32 row;
} Entry;

typedef struct
{
  const TlAccountTable *table;
  TlField               field;
} Column;

/* Returns the text of @row: for %TL_FIELD_NAME the name the table shows,
 * which is the id when the name is empty. */
static const char *
text_of (const Column *column,
         guint32       row)
{
  if (column->field == TL_FIELD_NAME)
    return tl_account_table_get_display_name (column->table, row);

  return tl_account_table_get_text (column->table, column->field, row);
}

static gboolean
is_ascii (const char *text)
{
  for (; *text != '\0'; text++)
    {
      if ((guchar) *text >= 0x80)
        return FALSE;
    }

  return TRUE;
}

/* Writes the first bytes of @text's collation key, as g_utf8_collate_key()
 * makes it: the text in compatibility decomposition, through strxfrm().
 * ASCII text is its own decomposition. */
static void
key_prefix (const char *text,
            guint8     *prefix)
{
  g_autofree char *normal = NULL;
  g_autofree char *long_key = NULL;
  char key[256];
  const char *bytes = key;
  gsize len;

  if (!is_ascii (text))
    {
      normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
      if (normal != NULL)
        text = normal;
    }

  len = strxfrm (key, text, sizeof key);
  if (len >= sizeof key)
    {
      long_key = g_malloc (len + 1);
      strxfrm (long_key, text, len + 1);
      bytes = long_key;
    }

  memset (prefix, 0, PREFIX_BYTES);
  memcpy (prefix, bytes, MIN (len, PREFIX_BYTES));
}

static int
compare_entries (const void *a,
                 const void *b)
{
  return memcmp (((const Entry *) a)->prefix, ((const Entry *) b)->prefix, PREFIX_BYTES);
}

typedef struct
{
  char    *key;
  guint32  row;
} FullKey;

static int
compare_full_keys (const void *a,
                   const void *b)
{
  return strcmp (((const FullKey *) a)->key, ((const FullKey *) b)->key);
}

static gboolean
same_texts (const Column *column,
            const Entry  *entries,
            guint         n)
{
  const char *first = text_of (column, entries[0].row);

  for (guint i = 1; i < n; i++)
    {
      if (strcmp (text_of (column, entries[i].row), first) != 0)
        return FALSE;
    }

  return TRUE;
}

/* Ranks @n entries whose keys share their first bytes by their whole keys,
 * from @rank on, and returns the next free rank. */
static guint32
rank_by_whole_keys (const Column *column,
                    const Entry  *entries,
                    guint         n,
                    guint32       rank,
                    guint32      *ranks)
{
  g_autofree FullKey *keys = NULL;

  if (same_texts (column, entries, n))
    {
      for (guint i = 0; i < n; i++)
        ranks[entries[i].row] = rank;
      return rank + 1;
    }

  keys = g_new (FullKey, n);
  for (guint i = 0; i < n; i++)
    keys[i] = (FullKey) { g_utf8_collate_key (text_of (column, entries[i].row), -1), entries[i].row };
  qsort (keys, n, sizeof *keys, compare_full_keys);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && strcmp (keys[i - 1].key, keys[i].key) != 0)
        rank++;
      ranks[keys[i].row] = rank;
    }
  for (guint i = 0; i < n; i++)
    g_free (keys[i].key);

  return rank + 1;
}

/* Gives ranks to @n entries sorted by their keys' first bytes. */
static void
rank_entries (const Column *column,
              const Entry  *entries,
              guint         n,
              guint32      *ranks)
{
  guint32 rank = 0;
  guint end;

  for (guint start = 0; start < n; start = end)
    {
      for (end = start + 1; end < n; end++)
        {
          if (compare_entries (&entries[start], &entries[end]) != 0)
            break;
        }

      /* A prefix that ends in padding contains the whole key. */
      if (end - start > 1 && entries[start].prefix[PREFIX_BYTES - 1] != 0)
        {
          rank = rank_by_whole_keys (column, entries + start, end - start, rank, ranks);
          continue;
        }

      for (guint i = start; i < end; i++)
        ranks[entries[i].row] = rank;
      rank++;
    }
}

/* Fills @entries with the rows that have text, and @ranks with
 * TL_TEXT_RANK_NONE for the others. Returns the number of entries, or
 * G_MAXUINT when cancelled. */
static guint
make_entries (const Column *column,
              Entry        *entries,
              guint32      *ranks,
              GCancellable *cancellable)
{
  guint n_rows = tl_account_table_get_n_rows (column->table);
  guint n = 0;

  for (guint row = 0; row < n_rows; row++)
    {
      const char *text = text_of (column, row);

      if (row % CHECK_EVERY == 0 && g_cancellable_is_cancelled (cancellable))
        return G_MAXUINT;

      ranks[row] = TL_TEXT_RANK_NONE;
      if (text == NULL || *text == '\0')
        continue;

      key_prefix (text, entries[n].prefix);
      entries[n].row = row;
      n++;
    }

  return n;
}

/**
 * tl_text_ranks_compute:
 * @table: the accounts
 * @field: %TL_FIELD_NAME for the name the table shows, or another text
 *   field
 * @cancellable: (nullable): a #GCancellable
 *
 * Ranks the rows by @field in the user's collation, as g_utf8_collate()
 * orders text: a row's rank is the number of distinct texts before its
 * own, so rows whose texts collate equal share a rank. Rows with empty text
 * get %TL_TEXT_RANK_NONE. Sorting rows by rank sorts them by text.
 *
 * Returns: (transfer full) (nullable): one rank per row, or %NULL when
 *   cancelled
 */
guint32 *
tl_text_ranks_compute (const TlAccountTable *table,
                       TlField               field,
                       GCancellable         *cancellable)
{
  Column column = { table, field };
  guint n_rows = tl_account_table_get_n_rows (table);
  g_autofree guint32 *ranks = g_new (guint32, MAX (n_rows, 1));
  g_autofree Entry *entries = g_new (Entry, MAX (n_rows, 1));
  guint n;

  n = make_entries (&column, entries, ranks, cancellable);
  if (n == G_MAXUINT)
    return NULL;

  qsort (entries, n, sizeof *entries, compare_entries);
  if (g_cancellable_is_cancelled (cancellable))
    return NULL;

  rank_entries (&column, entries, n, ranks);
  g_debug ("Ranked %u texts of field %d", n, field);

  return g_steal_pointer (&ranks);
}

struct _TlSortRanks
{
  gatomicrefcount       ref_count;
  const TlAccountTable *table;        /* NULL once stopped */
  GCancellable         *cancellable;
  GThread              *thread;

  GMutex                lock;
  GCond                 changed;
  guint32              *ranks[2];     /* name, owner */
  gboolean              finished;     /* the thread has stopped */
};

static const TlField ranked_fields[] = { TL_FIELD_NAME, TL_FIELD_OWNER };

static guint
slot_of (TlField field)
{
  g_return_val_if_fail (field == TL_FIELD_NAME || field == TL_FIELD_OWNER, 0);

  return field == TL_FIELD_OWNER;
}

static gpointer
rank_thread (gpointer data)
{
  TlSortRanks *self = data;

  for (guint i = 0; i < G_N_ELEMENTS (ranked_fields); i++)
    {
      guint32 *ranks = tl_text_ranks_compute (self->table, ranked_fields[i],
                                              self->cancellable);

      if (ranks == NULL)
        break;

      g_mutex_lock (&self->lock);
      self->ranks[i] = ranks;
      g_cond_broadcast (&self->changed);
      g_mutex_unlock (&self->lock);
    }

  g_mutex_lock (&self->lock);
  self->finished = TRUE;
  g_cond_broadcast (&self->changed);
  g_mutex_unlock (&self->lock);

  return NULL;
}

/**
 * tl_sort_ranks_start:
 * @table: the accounts, which must not change until tl_sort_ranks_stop()
 *
 * Starts ranking the rows by name and by owner in a thread.
 *
 * Returns: (transfer full): the ranks, to stop before @table changes
 */
TlSortRanks *
tl_sort_ranks_start (const TlAccountTable *table)
{
  TlSortRanks *self = g_new0 (TlSortRanks, 1);

  g_return_val_if_fail (table != NULL, NULL);

  g_atomic_ref_count_init (&self->ref_count);
  self->table = table;
  self->cancellable = g_cancellable_new ();
  g_mutex_init (&self->lock);
  g_cond_init (&self->changed);
  self->thread = g_thread_new ("tl-sort-ranks", rank_thread, self);

  return self;
}

TlSortRanks *
tl_sort_ranks_ref (TlSortRanks *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

/**
 * tl_sort_ranks_stop:
 * @self: the ranks
 *
 * Stops the thread and waits for it, after which the table may change.
 * Ranks not computed by then stay missing, and tl_sort_ranks_wait()
 * returns %NULL for them.
 */
void
tl_sort_ranks_stop (TlSortRanks *self)
{
  g_return_if_fail (self != NULL);

  g_cancellable_cancel (self->cancellable);
  if (self->thread != NULL)
    g_thread_join (g_steal_pointer (&self->thread));
  self->table = NULL;
}

void
tl_sort_ranks_unref (TlSortRanks *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  tl_sort_ranks_stop (self);
  for (guint i = 0; i < G_N_ELEMENTS (self->ranks); i++)
    g_free (self->ranks[i]);
  g_object_unref (self->cancellable);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->changed);
  g_free (self);
}

/**
 * tl_sort_ranks_peek:
 * @self: the ranks
 * @field: %TL_FIELD_NAME or %TL_FIELD_OWNER
 *
 * Returns: (nullable): the ranks of @field, as tl_text_ranks_compute()
 *   gives them, or %NULL while they are being computed
 */
const guint32 *
tl_sort_ranks_peek (TlSortRanks *self,
                    TlField      field)
{
  const guint32 *ranks;

  g_return_val_if_fail (self != NULL, NULL);

  g_mutex_lock (&self->lock);
  ranks = self->ranks[slot_of (field)];
  g_mutex_unlock (&self->lock);

  return ranks;
}

/**
 * tl_sort_ranks_wait:
 * @self: the ranks
 * @field: %TL_FIELD_NAME or %TL_FIELD_OWNER
 *
 * Waits until the ranks of @field are computed. Any thread may wait.
 *
 * Returns: (nullable): the ranks of @field, or %NULL when the thread was
 *   stopped first
 */
const guint32 *
tl_sort_ranks_wait (TlSortRanks *self,
                    TlField      field)
{
  guint slot = slot_of (field);
  const guint32 *ranks;

  g_return_val_if_fail (self != NULL, NULL);

  g_mutex_lock (&self->lock);
  while (self->ranks[slot] == NULL && !self->finished)
    g_cond_wait (&self->changed, &self->lock);
  ranks = self->ranks[slot];
  g_mutex_unlock (&self->lock);

  return ranks;
}
