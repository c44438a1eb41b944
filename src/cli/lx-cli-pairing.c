/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lianxin-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lx-cli-private.h"
#include "lx-pairing.h"

/* 结对 in `lianxin-cli stats` (issue 7): a block of its own after the
 * appeals, and "pairing": {…} in --json. */

static int
display_width (const char *text)
{
  int width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

/* Label, padded like the other blocks of stats, then the figure. */
static void
print_line (const char *label,
            const char *figure,
            const char *after)
{
  printf ("%s%*s%10s%s\n", label, MAX (1, 30 - display_width (label)), "", figure, after);
}

static void
print_of (const char *label,
          gint64      part,
          gint64      whole,
          gboolean    percent)
{
  g_autofree char *figure = g_strdup_printf ("%d / %d", (int)part, (int)whole);
  g_autofree char *rate = NULL;

  if (percent)
    rate = g_strdup_printf ("  (%.1f%%)", whole > 0 ? 100.0 * part / whole : 0.0);
  print_line (label, figure, rate ? rate : "");
}

static gboolean
print_pairing (LxStore     *store,
               int          year,
               const char  *today,
               GError     **error)
{
  LxPairingStats s;
  g_autofree char *hours = NULL;

  if (!lx_pairing_stats_compute (store, year, today, &s, error))
    return FALSE;
  printf ("%s\n", _("Pairing"));
  print_of (_("Needy households paired"), s.needy_paired, s.needy_households, TRUE);
  print_of (_("Members meeting the quota"), s.members_meeting_quota, s.members, TRUE);
  print_of (_("Paired and visited enough"), s.paired_meeting_rule, s.paired_households, TRUE);
  print_of (_("Visits to paired / rule"), s.paired_visits, s.paired_visits_required, FALSE);
  hours = g_strdup_printf ("%.1f", s.volunteer_hours);
  print_line (_("Volunteer hours"), hours, "");
  return TRUE;
}

/* Adds "pairing": {…} as the last member of the JSON object in *@text. */
static gboolean
add_pairing_json (LxStore     *store,
                  int          year,
                  const char  *today,
                  char       **text,
                  GError     **error)
{
  LxPairingStats s;
  g_autofree char *body = NULL;
  char *close = strrchr (*text, '}');
  GString *json;

  if (close == NULL)
    return TRUE;
  if (!lx_pairing_stats_compute (store, year, today, &s, error))
    return FALSE;
  body = lx_pairing_stats_to_json (&s, 4);
  json = g_string_new_len (*text, close - *text);
  while (json->len > 0 && g_ascii_isspace (json->str[json->len - 1]))
    g_string_truncate (json, json->len - 1);
  g_string_append_printf (json, ",\n  \"pairing\": {\n%s  }\n}\n", body);
  g_free (*text);
  *text = g_string_free (json, FALSE);
  return TRUE;
}

/**
 * lx_cli_stats_pairing:
 * @json_text: (inout) (nullable): the JSON being built, or NULL to print
 *   the table block
 */
gboolean
lx_cli_stats_pairing (LxStore     *store,
                      int          year,
                      const char  *today,
                      char       **json_text,
                      GError     **error)
{
  if (json_text != NULL)
    return add_pairing_json (store, year, today, json_text, error);
  return print_pairing (store, year, today, error);
}
