/* fuzz-guard.c
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

/* Copies that end where an unreadable page begins. AddressSanitizer checks
 * reads only in code built with it, and GLib is not. A parser that passes a
 * cell to a GLib function with too long a length would go unnoticed. A
 * read one byte past a guarded copy faults in any code. */

#include "config.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz-guard.h"

static char *guard;   /* the first unreadable byte */

/* Maps the area once: FUZZ_GUARD_MAX bytes, then a page without access. */
static char *
get_guard (void)
{
  gsize page = sysconf (_SC_PAGESIZE);
  gsize room = (FUZZ_GUARD_MAX + page - 1) / page * page;
  char *area;

  if (guard != NULL)
    return guard;

  area = mmap (NULL, room + page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  g_assert (area != MAP_FAILED);
  g_assert (mprotect (area + room, page, PROT_NONE) == 0);
  guard = area + room;

  return guard;
}

/* Returns a copy of @len bytes of @data, valid until the next call, whose
 * last byte is the last readable one. */
const char *
fuzz_guard_copy (const void *data,
                 gsize       len)
{
  char *copy;

  g_assert (len <= FUZZ_GUARD_MAX);

  copy = get_guard () - len;
  if (len > 0)
    memcpy (copy, data, len);

  return copy;
}

/* Returns @data up to @len bytes or its first NUL as a string whose
 * terminating NUL is the last readable byte, valid until the next call. */
const char *
fuzz_guard_strndup (const void *data,
                    gsize       len)
{
  gsize n = len > 0 ? strnlen (data, len) : 0;
  char *copy;

  g_assert (n < FUZZ_GUARD_MAX);

  copy = get_guard () - n - 1;
  if (n > 0)
    memcpy (copy, data, n);
  copy[n] = '\0';

  return copy;
}
