/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lianxin-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "lx-cli-private.h"
#include "lx-date.h"
#include "lx-map.h"

/* ------------------------------------------------------------------ map */

static gboolean
parse_paper (const char *name,
             LxMapPaper *out)
{
  if (name == NULL || g_ascii_strcasecmp (name, "a4") == 0)
    *out = LX_MAP_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "a3") == 0)
    *out = LX_MAP_PAPER_A3;
  else
    return FALSE;
  return TRUE;
}

ExitCode
lx_cli_map (int    argc,
            char **argv)
{
  int year = 0;
  gint64 site_id = 0;
  g_autofree char *paper_name = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_("The year (default: this year)"), N_("Y") },
    { "site", 's', 0, G_OPTION_ARG_INT64, &site_id, N_("Only this site (default: all)"), N_("ID") },
    { "paper", 'p', 0, G_OPTION_ARG_STRING, &paper_name, N_("The page, landscape: a4 (default) or a3"), N_("PAPER") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PNG or PDF file to write"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    lx_cli_command_context (NULL, _("Draw the contact map of a year, every household coloured by its visit status."),
                            entries);
  g_autoptr(LxStore) store = NULL;
  g_autoptr(LxMap) map = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = lx_date_today ();
  ExitCode code = EXIT_OK;
  LxMapPaper paper;

  if (!lx_cli_parse_command (context, &argc, &argv, &code))
    return code;
  if (argc > 1)
    return lx_cli_usage_error (context, _("map takes no arguments"));
  if (output == NULL || lx_map_format_for_path (output) == LX_MAP_FORMAT_AUTO)
    return lx_cli_usage_error (context, _("--output FILE.png or FILE.pdf is required"));
  if (!parse_paper (paper_name, &paper))
    return lx_cli_usage_error (context, _("--paper must be a4 or a3"));
  if (site_id < 0)
    return lx_cli_usage_error (context, _("--site must be a site's id"));
  if (year == 0)
    year = lx_date_current_year ();
  if (year < 1900 || year > 9999)
    return lx_cli_usage_error (context, _("--year must be between 1900 and 9999"));

  if (!(store = lx_cli_open_store (LX_STORE_OPEN_DEFAULT, &code)))
    return code;
  if (!(map = lx_map_load (store, year, site_id, today, &error)) ||
      !lx_map_export (map, output, LX_MAP_FORMAT_AUTO, paper, &error))
    return lx_cli_fail (error);
  printf (_("Wrote “%s”.\n"), output);
  return EXIT_OK;
}
