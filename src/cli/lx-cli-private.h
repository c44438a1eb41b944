/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lx-store.h"

G_BEGIN_DECLS

/* Exit status of lianxin-cli (also in --help). */
typedef enum
{
  EXIT_OK        = 0,
  EXIT_USAGE     = 1,   /* bad command line */
  EXIT_REFUSED   = 2,   /* the database is damaged, newer, not Lianxin's, or missing for check */
  EXIT_FAILED    = 3,   /* the operation failed: I/O, disk full, a broken rule */
  EXIT_CANCELLED = 4,   /* interrupted */
} ExitCode;

extern char               *lx_cli_database;
extern GCancellable       *lx_cli_cancellable;
extern const GOptionEntry  lx_cli_global_entries[];

void            lx_cli_complain          (const char      *format,
                                          ...) G_GNUC_PRINTF (1, 2);
ExitCode        lx_cli_exit_code_for     (const GError    *error);
ExitCode        lx_cli_fail              (const GError    *error);
ExitCode        lx_cli_usage_error       (GOptionContext  *context,
                                          const char      *message);
GOptionContext *lx_cli_command_context   (const char         *parameters,
                                          const char         *summary,
                                          const GOptionEntry *entries);
gboolean        lx_cli_parse_command     (GOptionContext  *context,
                                          int             *argc,
                                          char          ***argv,
                                          ExitCode        *out_code);
LxStore        *lx_cli_open_store        (LxStoreOpenFlags flags,
                                          ExitCode        *out_code);
void            lx_cli_watch_interrupts  (void);

/* The commands, one per lx-cli-*.c: argv[0] is the command's name. */
ExitCode        lx_cli_demo              (int argc, char **argv);
ExitCode        lx_cli_check             (int argc, char **argv);
ExitCode        lx_cli_backup            (int argc, char **argv);
ExitCode        lx_cli_stats             (int argc, char **argv);
ExitCode        lx_cli_stats_visits      (int argc, char **argv);
ExitCode        lx_cli_report            (int argc, char **argv);
ExitCode        lx_cli_export            (int argc, char **argv);
ExitCode        lx_cli_stress_edits      (int argc, char **argv);
ExitCode        lx_cli_backup_daily      (int argc, char **argv);
ExitCode        lx_cli_backups           (int argc, char **argv);
ExitCode        lx_cli_restore           (int argc, char **argv);
ExitCode        lx_cli_import            (int argc, char **argv);
ExitCode        lx_cli_map               (int argc, char **argv);

/* lx-cli-pairing.c: the 结对 block of stats; @json_text NULL prints it. */
gboolean        lx_cli_stats_pairing     (LxStore *store, int year, const char *today,
                                          char **json_text, GError **error);
ExitCode        lx_cli_notice            (int argc, char **argv);
ExitCode        lx_cli_ics               (int argc, char **argv);
/* Issue 4: --from/--to of notice and ics; the "visits" block of stats --json. */
gboolean        lx_cli_period            (GOptionContext *context, char **from, char **to,
                                          const char *default_from, const char *default_to,
                                          ExitCode *out_code);
gboolean        lx_cli_add_visits_json   (LxStore *store, int year, const char *today,
                                          char **text, GError **error);

G_END_DECLS
