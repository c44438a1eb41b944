/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lianxin-cli"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "lx-cli-private.h"

/* What every command of lianxin-cli shares: the global options, messages,
 * exit codes, opening the database, and Ctrl+C. */

char *lx_cli_database;
GCancellable *lx_cli_cancellable;

const GOptionEntry lx_cli_global_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &lx_cli_database,
    N_("The database file (default: $LIANXIN_DATABASE, else the user data folder)"), N_("PATH") },
  { NULL }
};

void
lx_cli_complain (const char *format,
          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "lianxin-cli: %s\n", message);
}

/* How an error ends the program (see --help). */
ExitCode
lx_cli_exit_code_for (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return EXIT_CANCELLED;
  if (error->domain == LX_STORE_ERROR)
    switch (error->code)
      {
      case LX_STORE_ERROR_NOT_FOUND:
      case LX_STORE_ERROR_NOT_LIANXIN:
      case LX_STORE_ERROR_NEWER_VERSION:
      case LX_STORE_ERROR_DAMAGED:
        return EXIT_REFUSED;
      default:
        break;
      }
  return EXIT_FAILED;
}

ExitCode
lx_cli_fail (const GError *error)
{
  lx_cli_complain ("%s", error->message);
  return lx_cli_exit_code_for (error);
}

ExitCode
lx_cli_usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  lx_cli_complain ("%s", message);
  fprintf (stderr, "%s", help);
  return EXIT_USAGE;
}

GOptionContext *
lx_cli_command_context (const char         *parameters,
                 const char         *summary,
                 const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, lx_cli_global_entries, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

gboolean
lx_cli_parse_command (GOptionContext  *context,
               int             *argc,
               char          ***argv,
               ExitCode        *out_code)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *out_code = lx_cli_usage_error (context, error->message);
      return FALSE;
    }
  return TRUE;
}

LxStore *
lx_cli_open_store (LxStoreOpenFlags   flags,
            ExitCode          *out_code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = lx_store_resolve_path (lx_cli_database);
  LxStore *store = lx_store_open (path, flags, &error);

  if (store == NULL)
    *out_code = lx_cli_fail (error);
  return store;
}

/* Ctrl+C cancels the work in progress; the transaction is rolled back. */
static gboolean
on_interrupt (gpointer data)
{
  g_cancellable_cancel (lx_cli_cancellable);
  return G_SOURCE_CONTINUE;
}

void
lx_cli_watch_interrupts (void)
{
  lx_cli_cancellable = g_cancellable_new ();
  g_unix_signal_add (SIGINT, on_interrupt, NULL);
  g_unix_signal_add (SIGTERM, on_interrupt, NULL);
}

