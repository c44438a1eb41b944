/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lianxin-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "lx-cli-private.h"
#include "lx-date.h"
#include "lx-notice.h"
#include "lx-validate.h"

/* lianxin-cli notice: the reception-day notice of a period as a PDF. */

/* --from / --to as ISO dates; @fallback when not given. */
gboolean
lx_cli_period (GOptionContext  *context,
               char           **from,
               char           **to,
               const char      *default_from,
               const char      *default_to,
               ExitCode        *out_code)
{
  g_autoptr(GError) error = NULL;
  char *iso;

  for (int i = 0; i < 2; i++)
    {
      char **value = i == 0 ? from : to;

      if (*value == NULL)
        {
          *value = g_strdup (i == 0 ? default_from : default_to);
          continue;
        }
      if ((iso = lx_parse_date_loose (*value, &error)) == NULL)
        {
          g_autofree char *message = g_strdup_printf ("%s: %s", i == 0 ? "--from" : "--to", error->message);
          *out_code = lx_cli_usage_error (context, message);
          return FALSE;
        }
      g_free (*value);
      *value = iso;
    }
  if (g_strcmp0 (*from, *to) > 0)
    {
      *out_code = lx_cli_usage_error (context, _("--from must not come after --to"));
      return FALSE;
    }
  return TRUE;
}

ExitCode
lx_cli_notice (int    argc,
               char **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The first day (default: today)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The last day (default: a month from today)"), N_("DATE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    lx_cli_command_context (NULL, _("Write the notice of the coming reception days as a PDF."), entries);
  g_autoptr(LxStore) store = NULL;
  g_autoptr(LxNotice) notice = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = lx_date_today ();
  char default_from[11], default_to[11];
  ExitCode code = EXIT_OK;

  if (!lx_cli_parse_command (context, &argc, &argv, &code))
    return code;
  if (argc > 1)
    return lx_cli_usage_error (context, _("notice takes no arguments"));
  if (output == NULL)
    return lx_cli_usage_error (context, _("--output FILE.pdf is required"));
  lx_notice_default_period (today, default_from, default_to);
  if (!lx_cli_period (context, &from, &to, default_from, default_to, &code))
    return code;

  if (!(store = lx_cli_open_store (LX_STORE_OPEN_DEFAULT, &code)))
    return code;
  if ((notice = lx_notice_load (store, from, to, today, &error)) == NULL ||
      !lx_notice_write_pdf (notice, output, &error))
    return lx_cli_fail (error);
  printf (_("Wrote “%s”.\n"), output);
  return EXIT_OK;
}
