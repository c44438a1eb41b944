/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-import"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-date.h"
#include "lx-import-private.h"

/* Running an import: one transaction, committed only when every row is
 * good (and not for a dry run); and the same in a thread. */

static void
problem_free (gpointer data)
{
  LxImportProblem *p = data;

  g_free (p->column);
  g_free (p->message);
  g_free (p);
}

void
lx_import_result_free (LxImportResult *result)
{
  if (result == NULL)
    return;
  g_ptr_array_unref (result->problems);
  g_free (result);
}

gboolean
lx_import_result_has_errors (const LxImportResult *result)
{
  g_return_val_if_fail (result != NULL, TRUE);
  return result->problems->len > 0;
}

/* "row 12, 联系电话: …" — the row number as the spreadsheet shows it. */
char *
lx_import_problem_format (const LxImportProblem *p)
{
  g_return_val_if_fail (p != NULL, NULL);

  if (p->row > 0 && p->column != NULL)
    return g_strdup_printf (_("row %u, %s: %s"), p->row, p->column, p->message);
  if (p->row > 0)
    return g_strdup_printf (_("row %u: %s"), p->row, p->message);
  if (p->column != NULL)
    return g_strdup_printf (_("%s: %s"), p->column, p->message);
  return g_strdup (p->message);
}

static gboolean
check_required (LxImportContext *ctx)
{
  LxImportField required[3] = { LX_FIELD_NAME, LX_FIELD_IGNORE, LX_FIELD_IGNORE };

  if (lx_import_get_kind (ctx->import) == LX_IMPORT_VISITS)
    required[1] = LX_FIELD_VISIT_DATE;
  if (lx_import_get_kind (ctx->import) == LX_IMPORT_BALLOTS)
    required[1] = LX_FIELD_BALLOT_NUMBER;
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (required[i] != LX_FIELD_IGNORE && ctx->column[required[i]] < 0)
      lx_import_ctx_problem (ctx, G_MAXUINT, required[i],
                             _("No column holds this; choose the column for it"));
  return ctx->result->problems->len == 0;
}

static gboolean
apply (LxImportContext *ctx,
       GError         **error)
{
  switch (lx_import_get_kind (ctx->import))
    {
    case LX_IMPORT_MEMBERS:
      return lx_import_apply_members (ctx, error);
    case LX_IMPORT_VISITS:
      return lx_import_apply_visits (ctx, error);
    case LX_IMPORT_BALLOTS:
      return lx_import_apply_ballots (ctx, error);
    case LX_IMPORT_HOUSEHOLDS:
    default:
      return lx_import_apply_households (ctx, error);
    }
}

static void
reset_counts (LxImportResult *result)
{
  result->added = result->updated = result->unchanged = result->skipped = 0;
}

LxImportResult *
lx_import_run (LxImport         *self,
               LxStore          *store,
               gboolean          dry_run,
               LxImportProgress  progress,
               gpointer          progress_data,
               GCancellable     *cancellable,
               GError          **error)
{
  g_autoptr(LxImportResult) result = g_new0 (LxImportResult, 1);
  g_autoptr(LxTransaction) tx = NULL;
  g_autofree char *today = lx_date_today ();
  LxImportContext ctx = { 0 };

  g_return_val_if_fail (LX_IS_IMPORT (self), NULL);
  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  result->problems = g_ptr_array_new_with_free_func (problem_free);
  result->dry_run = dry_run;
  ctx.import = self;
  ctx.table = lx_import_get_table (self, &ctx.first_row);
  ctx.store = store;
  ctx.result = result;
  ctx.on_match = lx_import_get_on_match (self);
  ctx.today = today;
  ctx.file_name = lx_import_get_file_name (self);
  ctx.progress = progress;
  ctx.progress_data = progress_data;
  ctx.cancellable = cancellable;
  for (guint f = 0; f < LX_FIELD_N; f++)
    ctx.column[f] = -1;
  for (guint c = 0; c < lx_import_get_n_columns (self); c++)
    if (lx_import_get_mapping (self, c) != LX_FIELD_IGNORE)
      ctx.column[lx_import_get_mapping (self, c)] = (int)c;

  if (!check_required (&ctx))
    return g_steal_pointer (&result);
  if (!(tx = lx_store_begin (store, error)))
    return NULL;
  if (!apply (&ctx, error))
    return NULL;
  if (result->problems->len > 0)
    {
      /* All or nothing: the rollback happens when tx is freed. */
      reset_counts (result);
      return g_steal_pointer (&result);
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (!dry_run && !lx_transaction_commit (tx, error))
    return NULL;
  if (progress != NULL)
    progress (1.0, progress_data);
  return g_steal_pointer (&result);
}

/* ---------------------------------------------------------- in a thread */

typedef struct
{
  char             *db_path;
  gboolean          dry_run;
  LxImportProgress  progress;
  gpointer          progress_data;
  GMainContext     *context;
} RunData;

static void
run_data_free (gpointer data)
{
  RunData *rd = data;

  g_free (rd->db_path);
  g_main_context_unref (rd->context);
  g_free (rd);
}

typedef struct
{
  LxImportProgress progress;
  gpointer         data;
  double           fraction;
} ProgressCall;

static gboolean
progress_in_main (gpointer data)
{
  ProgressCall *call = data;

  call->progress (call->fraction, call->data);
  return G_SOURCE_REMOVE;
}

static void
progress_from_thread (double   fraction,
                      gpointer user_data)
{
  RunData *rd = user_data;
  ProgressCall *call = g_new (ProgressCall, 1);
  g_autoptr(GSource) source = g_idle_source_new ();

  call->progress = rd->progress;
  call->data = rd->progress_data;
  call->fraction = fraction;
  /* Not g_main_context_invoke(): it runs the callback right here when no
   * thread happens to own the context yet. */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, progress_in_main, call, g_free);
  g_source_attach (source, rd->context);
}

static void
run_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunData *rd = task_data;
  GError *error = NULL;
  g_autoptr(LxStore) store = lx_store_open (rd->db_path, LX_STORE_OPEN_DEFAULT, &error);
  LxImportResult *result;

  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  result = lx_import_run (LX_IMPORT (source), store, rd->dry_run,
                          rd->progress ? progress_from_thread : NULL, rd,
                          cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify)lx_import_result_free);
}

/* The mapping must not change while the import runs. */
void
lx_import_run_async (LxImport            *self,
                     const char          *db_path,
                     gboolean             dry_run,
                     LxImportProgress     progress,
                     gpointer             progress_data,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RunData *rd;

  g_return_if_fail (LX_IS_IMPORT (self));
  g_return_if_fail (db_path != NULL);

  rd = g_new0 (RunData, 1);
  rd->db_path = g_strdup (db_path);
  rd->dry_run = dry_run;
  rd->progress = progress;
  rd->progress_data = progress_data;
  rd->context = g_main_context_ref_thread_default ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lx_import_run_async);
  g_task_set_task_data (task, rd, run_data_free);
  g_task_run_in_thread (task, run_thread);
}

LxImportResult *
lx_import_run_finish (LxImport      *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
