/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lianxin-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "lx-cli-private.h"
#include "lx-repo.h"

/* stress-edits: a hidden command for bench/stress-kill.py and
 * tests/test-crash.py. It adds households one transaction each and prints
 * "committed <id>" right after each commit, so that a parent that kills it
 * with SIGKILL knows which transactions must have survived. Every household
 * carries two need tags written in the same transaction: one found without
 * its tags is a half-done transaction made visible. */

static const char * const stress_tags[] = { "dibao", "disabled", NULL };

static gint64
add_one (LxStore     *store,
         int          run,
         int          n,
         GError     **error)
{
  g_autoptr(LxHousehold) h = lx_household_new ();

  h->head_name = g_strdup_printf ("Stress %d-%d", run, n);
  h->address = g_strdup_printf ("Stress Road %d, room %d", run, n);
  h->size = 1 + n % 5;
  h->notes = g_strdup ("stress-edits");
  g_strfreev (h->need_tags);
  h->need_tags = g_strdupv ((char **)stress_tags);
  return lx_repo_save_household (store, h, error);
}

ExitCode
lx_cli_stress_edits (int    argc,
                     char **argv)
{
  int count = 100;
  int run = 0;
  const GOptionEntry entries[] = {
    { "count", 'n', 0, G_OPTION_ARG_INT, &count, "How many households to add", "N" },
    { "run", 'r', 0, G_OPTION_ARG_INT, &run, "A number that makes the names unique", "R" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    lx_cli_command_context (NULL, "Add households one transaction each (for crash tests).",
                            entries);
  g_autoptr(LxStore) store = NULL;
  ExitCode code = EXIT_OK;

  if (!lx_cli_parse_command (context, &argc, &argv, &code))
    return code;
  if (argc > 1 || count < 1)
    return lx_cli_usage_error (context, "stress-edits takes only --count N (N ≥ 1) and --run R");

  if (!(store = lx_cli_open_store (LX_STORE_OPEN_CREATE, &code)))
    return code;

  for (int i = 1; i <= count; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 id = add_one (store, run, i, &error);

      if (id <= 0)
        return lx_cli_fail (error);
      /* Only after the commit returned: the parent treats this line as a promise. */
      printf ("committed %" G_GINT64_FORMAT "\n", id);
      fflush (stdout);
    }
  return EXIT_OK;
}
