/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stdint.h>
#include <string.h>

/* Outside text reaches the validators only as UTF-8 (the CSV and XLSX readers
 * convert or refuse everything else), so the fuzzers feed them that. */
static inline char *
fuzz_utf8 (const uint8_t *data,
           size_t         size)
{
  char *text = g_strndup ((const char *)data, size);

  if (strlen (text) != size || !g_utf8_validate (text, -1, NULL))
    {
      g_free (text);
      return NULL;
    }
  return text;
}
