/* tl-workbook-signals.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-workbook-signals"

#include "config.h"

#include <string.h>

#include "tl-workbook-private.h"

/* Accounts per chunk, and chunks passed between the two threads. */
#define CHUNK_ACCOUNTS 4096
#define N_CHUNKS 3

/* The offset of an account that fired no signal. */
#define NO_TEXT G_MAXUINT32

/* The signal texts of CHUNK_ACCOUNTS accounts in a row. */
typedef struct
{
  guint    first;
  guint    n;
  GString *texts;    /* each text ended by a NUL */
  guint32 *offsets;  /* per account, into texts, or NO_TEXT */
} Chunk;

struct _TlSignalQueue
{
  TlDocument  *document;
  guint        n_accounts;
  guint        next_first;    /* the first account of the next chunk to fill */
  Chunk        chunks[N_CHUNKS];
  Chunk       *current;       /* the chunk the writer reads */
  GAsyncQueue *empty;
  GAsyncQueue *filled;
  gint         stopped;
};

/**
 * _tl_signal_queue_new:
 * @document: the exported document
 *
 * Creates a queue that passes the Expansion Signals texts of the accounts,
 * in order, from a thread that fills them to the thread that writes the
 * Accounts sheet, a few thousand accounts at a time.
 *
 * Returns: (transfer full): the queue
 */
TlSignalQueue *
_tl_signal_queue_new (TlDocument *document)
{
  TlSignalQueue *queue = g_new0 (TlSignalQueue, 1);

  queue->document = document;
  queue->n_accounts = tl_account_table_get_n_rows (tl_document_get_table (document));
  queue->empty = g_async_queue_new ();
  queue->filled = g_async_queue_new ();
  for (guint i = 0; i < N_CHUNKS; i++)
    {
      queue->chunks[i].texts = g_string_sized_new (CHUNK_ACCOUNTS * 32);
      queue->chunks[i].offsets = g_new (guint32, CHUNK_ACCOUNTS);
      g_async_queue_push (queue->empty, &queue->chunks[i]);
    }

  return queue;
}

void
_tl_signal_queue_free (TlSignalQueue *queue)
{
  for (guint i = 0; i < N_CHUNKS; i++)
    {
      g_string_free (queue->chunks[i].texts, TRUE);
      g_free (queue->chunks[i].offsets);
    }
  g_async_queue_unref (queue->empty);
  g_async_queue_unref (queue->filled);
  g_free (queue);
}

/* Appends the signals that fired for @account, separated by semicolons as
 * a cell shows them in one line, and the NUL that ends them. */
static void
append_signals (TlSignalQueue *queue,
                Chunk         *chunk,
                guint          account)
{
  const TlSegmentation *seg = tl_document_get_segmentation (queue->document);
  TlExpansionDetail detail;
  gsize start = chunk->texts->len;

  chunk->offsets[account - chunk->first] = NO_TEXT;
  if (seg->expansion[account] == TL_EXPANSION_NONE)
    return;

  tl_expansion_explain (tl_document_get_table (queue->document),
                        tl_document_get_model (queue->document), account, &detail);
  if (tl_expansion_append_fired (chunk->texts, &detail, ';') == 0)
    return;

  chunk->offsets[account - chunk->first] = start;
  g_string_append_c (chunk->texts, '\0');
}

/**
 * _tl_signal_queue_fill:
 * @queue: a queue
 * @wait: whether to wait for a chunk to fill
 *
 * Fills the texts of the next chunk of accounts, in the filling thread.
 * Without @wait, returns at once when no chunk is free.
 *
 * Returns: %TRUE when a chunk was filled, %FALSE when none was free
 *   (without @wait), all were filled or the writer stopped
 */
gboolean
_tl_signal_queue_fill (TlSignalQueue *queue,
                       gboolean       wait)
{
  Chunk *chunk;

  if (queue->next_first >= queue->n_accounts || g_atomic_int_get (&queue->stopped))
    return FALSE;
  chunk = wait ? g_async_queue_pop (queue->empty) : g_async_queue_try_pop (queue->empty);
  if (chunk == NULL)
    return FALSE;
  if (g_atomic_int_get (&queue->stopped))
    {
      g_async_queue_push (queue->empty, chunk);
      return FALSE;
    }

  chunk->first = queue->next_first;
  chunk->n = MIN (CHUNK_ACCOUNTS, queue->n_accounts - chunk->first);
  g_string_truncate (chunk->texts, 0);
  for (guint a = chunk->first; a < chunk->first + chunk->n; a++)
    append_signals (queue, chunk, a);

  queue->next_first += chunk->n;
  g_async_queue_push (queue->filled, chunk);

  return TRUE;
}

/**
 * _tl_signal_queue_get:
 * @queue: a queue
 * @account: the next account, from 0 up, one after the other
 *
 * Returns the Expansion Signals text of @account, in the writing thread,
 * waiting for its chunk when it is not filled yet.
 *
 * Returns: (nullable): the text, valid until the next chunk is read, or
 *   %NULL when no signal fired
 */
const char *
_tl_signal_queue_get (TlSignalQueue *queue,
                      guint          account)
{
  Chunk *chunk = queue->current;
  guint32 offset;

  if (chunk == NULL || account >= chunk->first + chunk->n)
    {
      if (chunk != NULL)
        g_async_queue_push (queue->empty, chunk);
      chunk = queue->current = g_async_queue_pop (queue->filled);
    }
  g_assert (account >= chunk->first && account < chunk->first + chunk->n);

  offset = chunk->offsets[account - chunk->first];

  return offset != NO_TEXT ? chunk->texts->str + offset : NULL;
}

/**
 * _tl_signal_queue_stop:
 * @queue: a queue
 *
 * Tells the filling thread, from the writing thread, that no more texts
 * will be read, and wakes it if it waits for a chunk.
 */
void
_tl_signal_queue_stop (TlSignalQueue *queue)
{
  Chunk *chunk;

  g_atomic_int_set (&queue->stopped, TRUE);
  if (queue->current != NULL)
    g_async_queue_push (queue->empty, queue->current);
  queue->current = NULL;

  /* The filler may wait for a chunk while all the others are filled. */
  while ((chunk = g_async_queue_try_pop (queue->filled)) != NULL)
    g_async_queue_push (queue->empty, chunk);
}
