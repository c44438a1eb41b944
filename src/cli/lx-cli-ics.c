/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lianxin-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "lx-cli-private.h"
#include "lx-date.h"
#include "lx-ics.h"

/* lianxin-cli ics: the calendar as an iCalendar file for phones. */

ExitCode
lx_cli_ics (int    argc,
            char **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The first day (default: the first of this month)"),
      N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The last day (default: a year later)"), N_("DATE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The .ics file to write"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    lx_cli_command_context (NULL, _("Write the calendar’s events of a period as an iCalendar file."),
                            entries);
  g_autoptr(LxStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = lx_date_today ();
  char default_from[11], default_to[11];
  ExitCode code = EXIT_OK;

  if (!lx_cli_parse_command (context, &argc, &argv, &code))
    return code;
  if (argc > 1)
    return lx_cli_usage_error (context, _("ics takes no arguments"));
  if (output == NULL)
    return lx_cli_usage_error (context, _("--output FILE.ics is required"));
  lx_ics_default_period (today, default_from, default_to);
  if (!lx_cli_period (context, &from, &to, default_from, default_to, &code))
    return code;

  if (!(store = lx_cli_open_store (LX_STORE_OPEN_DEFAULT, &code)))
    return code;
  if (!lx_ics_write_file (store, from, to, output, &error))
    return lx_cli_fail (error);
  printf (_("Wrote “%s”.\n"), output);
  return EXIT_OK;
}
