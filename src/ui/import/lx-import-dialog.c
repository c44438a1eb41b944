/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-import-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "lx-import.h"
#include "lx-import-dialog.h"

/* Import Roster: choose a file and what it holds, check the guessed
 * columns in a preview (a drop-down per column corrects them), choose what
 * happens to records already in Lianxin, import in a thread with a progress
 * bar and Cancel, and read the result: counts, or every error by row. */

#define PREVIEW_ROWS 20

struct _LxImportDialog
{
  AdwWindow      parent_instance;

  LxStore       *store;
  GFile         *file;
  LxImport      *import;
  GCancellable  *cancellable;
  GPtrArray     *dropdowns;
  gboolean       updating;

  GtkButton     *import_button;
  GtkButton     *close_button;
  GtkStack      *stack;
  AdwActionRow  *file_row;
  AdwComboRow   *kind_row;
  GtkStringList *kind_list;
  AdwComboRow   *match_row;
  GtkStringList *match_list;
  GtkLabel      *status_label;
  GtkBox        *mapping_box;
  GtkColumnView *preview;
  GtkProgressBar *progress_bar;
  GtkLabel      *result_title;
  GtkLabel      *result_counts;
  GtkListBox    *error_list;
};

G_DEFINE_FINAL_TYPE (LxImportDialog, lx_import_dialog, ADW_TYPE_WINDOW)

enum { PROP_0, PROP_STORE, PROP_FILE, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------ preview */

static void
clear_preview (LxImportDialog *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->preview);
  GtkWidget *child;

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) col = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->preview, col);
    }
  gtk_column_view_set_model (self->preview, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->mapping_box))) != NULL)
    gtk_box_remove (self->mapping_box, child);
  g_ptr_array_set_size (self->dropdowns, 0);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           LxImportDialog           *self)
{
  GtkStringObject *row = gtk_list_item_get_item (item);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  guint index = (guint)atoi (gtk_string_object_get_string (row));

  if (self->import != NULL)
    gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                        lx_import_get_cell (self->import, index, column));
}

static void
sync_dropdowns (LxImportDialog *self)
{
  guint n_fields;
  const LxImportField *fields = lx_import_kind_fields (lx_import_get_kind (self->import), &n_fields);

  self->updating = TRUE;
  for (guint c = 0; c < self->dropdowns->len; c++)
    {
      LxImportField f = lx_import_get_mapping (self->import, c);
      for (guint i = 0; i < n_fields; i++)
        if (fields[i] == f)
          gtk_drop_down_set_selected (g_ptr_array_index (self->dropdowns, c), i);
    }
  self->updating = FALSE;
}

static void
on_mapping_changed (GtkDropDown    *dropdown,
                    GParamSpec     *pspec,
                    LxImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "column"));
  guint n_fields;
  const LxImportField *fields;

  if (self->updating || self->import == NULL)
    return;
  fields = lx_import_kind_fields (lx_import_get_kind (self->import), &n_fields);
  lx_import_set_mapping (self->import, column, fields[gtk_drop_down_get_selected (dropdown)]);
  sync_dropdowns (self);
}

static GtkWidget *
mapping_dropdown (LxImportDialog *self,
                  guint           column)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char *header = lx_import_get_header (self->import, column);
  g_autofree char *name = NULL;
  GtkWidget *box, *title, *dropdown;
  guint n_fields;
  const LxImportField *fields = lx_import_kind_fields (lx_import_get_kind (self->import), &n_fields);

  for (guint i = 0; i < n_fields; i++)
    gtk_string_list_append (labels, lx_import_field_label (fields[i]));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  g_object_set_data (G_OBJECT (dropdown), "column", GUINT_TO_POINTER (column));
  name = g_strdup_printf (_("Column “%s”"), *header ? header : "?");
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_mapping_changed), self);
  g_ptr_array_add (self->dropdowns, dropdown);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  title = gtk_label_new (*header ? header : "—");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), dropdown);
  return box;
}

static void
fill_preview (LxImportDialog *self)
{
  g_autoptr(GtkStringList) rows = gtk_string_list_new (NULL);
  guint n = MIN (lx_import_get_n_rows (self->import), PREVIEW_ROWS);
  g_autofree char *status = NULL;

  clear_preview (self);
  for (guint i = 0; i < n; i++)
    {
      char buf[16];
      g_snprintf (buf, sizeof buf, "%u", i);
      gtk_string_list_append (rows, buf);
    }
  for (guint c = 0; c < lx_import_get_n_columns (self->import); c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) col = NULL;

      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
      col = gtk_column_view_column_new (lx_import_get_header (self->import, c), factory);
      gtk_column_view_append_column (self->preview, col);
      gtk_box_append (self->mapping_box, mapping_dropdown (self, c));
    }
  gtk_column_view_set_model (self->preview,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)))));
  sync_dropdowns (self);

  status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d row below the header in row %d (%s). "
                                         "Check that each column holds what its drop-down says.",
                                         "%d rows below the header in row %d (%s). "
                                         "Check that each column holds what its drop-down says.",
                                         lx_import_get_n_rows (self->import)),
                            (int)lx_import_get_n_rows (self->import),
                            (int)lx_import_get_header_row (self->import),
                            lx_import_get_encoding (self->import));
  gtk_label_set_text (self->status_label, status);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LxImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  LxImport *import = lx_import_new_from_file_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->import);
  self->import = import;
  if (import == NULL)
    {
      clear_preview (self);
      gtk_label_set_text (self->status_label, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
      return;
    }
  fill_preview (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), TRUE);
}

static void
load (LxImportDialog *self)
{
  g_autofree char *path = NULL;

  if (self->file == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  path = g_file_get_path (self->file);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  gtk_label_set_text (self->status_label, _("Reading the file…"));
  lx_import_new_from_file_async (path, (LxImportKind)adw_combo_row_get_selected (self->kind_row),
                                 self->cancellable, on_loaded, g_object_ref (self));
}

void
lx_import_dialog_set_file (LxImportDialog *self,
                           GFile          *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (LX_IS_IMPORT_DIALOG (self));

  if (!g_set_object (&self->file, file))
    return;
  if (file != NULL)
    {
      name = g_file_get_basename (file);
      adw_action_row_set_subtitle (self->file_row, name);
    }
  load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static void
on_kind_changed (LxImportDialog *self)
{
  load (self);
}

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                LxImportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      lx_import_dialog_set_file (self, file);
    }
  g_object_unref (chooser);
}

static void
on_choose_clicked (LxImportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  /* GTK 4.8 has no GtkFileDialog. */
  chooser = gtk_file_chooser_native_new (_("Choose a Roster"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Spreadsheets (CSV, XLSX)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ------------------------------------------------------------ running */

static void
on_progress (double   fraction,
             gpointer user_data)
{
  LxImportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
add_error_row (LxImportDialog        *self,
               const LxImportProblem *problem)
{
  g_autofree char *text = lx_import_problem_format (problem);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_append (self->error_list, label);
}

/* The window's views listen to their own connection; the import wrote
 * through another one. */
static void
announce_changes (LxImportDialog *self)
{
  static const char *tables[] = { "household", "member", "visit", "site", "building", "organization" };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", tables[i], NULL);
      g_signal_emit_by_name (self->store, signal, tables[i]);
    }
}

static void
show_result (LxImportDialog       *self,
             const LxImportResult *result)
{
  g_autofree char *counts = NULL;
  gboolean failed = lx_import_result_has_errors (result);

  gtk_label_set_text (self->result_title,
                      failed ? _("Nothing was imported: correct these rows and import again")
                             : _("Import finished"));
  counts = g_strdup_printf (_("Added %u · Updated %u · Unchanged %u · Skipped %u · Errors %u"),
                            result->added, result->updated, result->unchanged, result->skipped,
                            result->problems->len);
  gtk_label_set_text (self->result_counts, counts);
  for (guint i = 0; i < result->problems->len; i++)
    add_error_row (self, g_ptr_array_index (result->problems, i));
  gtk_widget_set_visible (GTK_WIDGET (self->error_list), failed);
  gtk_stack_set_visible_child_name (self->stack, "result");
  if (!failed && result->added + result->updated > 0)
    announce_changes (self);
}

static void
on_import_done (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  g_autoptr(LxImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LxImportResult) result = lx_import_run_finish (LX_IMPORT (source), res, &error);

  gtk_widget_set_sensitive (GTK_WIDGET (self->close_button), TRUE);
  if (result != NULL)
    {
      show_result (self, result);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "preview");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), TRUE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gtk_label_set_text (self->status_label, _("The import was cancelled; nothing was changed."));
  else
    gtk_label_set_text (self->status_label, error->message);
}

static void
on_import_clicked (LxImportDialog *self)
{
  if (self->import == NULL)
    return;
  lx_import_set_on_match (self->import, adw_combo_row_get_selected (self->match_row) == 1
                                        ? LX_IMPORT_ON_MATCH_SKIP : LX_IMPORT_ON_MATCH_UPDATE);
  /* The thread's connection reads the database header from the main file:
   * bring it up to date from the WAL first. */
  lx_store_exec (self->store, "PRAGMA wal_checkpoint(PASSIVE)", NULL);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->close_button), FALSE);
  lx_import_run_async (self->import, lx_store_get_path (self->store), FALSE, on_progress, self,
                       self->cancellable, on_import_done, g_object_ref (self));
}

static void
on_cancel_clicked (LxImportDialog *self)
{
  g_cancellable_cancel (self->cancellable);
}

static void
on_close_clicked (LxImportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* ------------------------------------------------------------- object */

static void
lx_import_dialog_dispose (GObject *object)
{
  LxImportDialog *self = LX_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LX_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (lx_import_dialog_parent_class)->dispose (object);
}

static void
lx_import_dialog_finalize (GObject *object)
{
  LxImportDialog *self = LX_IMPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_object (&self->import);
  g_clear_object (&self->cancellable);
  g_ptr_array_unref (self->dropdowns);
  G_OBJECT_CLASS (lx_import_dialog_parent_class)->finalize (object);
}

static void
lx_import_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LxImportDialog *self = LX_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lx_import_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LxImportDialog *self = LX_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_FILE:
      lx_import_dialog_set_file (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lx_import_dialog_class_init (LxImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lx_import_dialog_dispose;
  object_class->finalize = lx_import_dialog_finalize;
  object_class->get_property = lx_import_dialog_get_property;
  object_class->set_property = lx_import_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LX_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/lx-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LxImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, LxImportDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, LxImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, LxImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, LxImportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LxImportDialog, kind_list);
  gtk_widget_class_bind_template_child (widget_class, LxImportDialog, match_row);
  gtk_widget_class_bind_template_child (widget_class, LxImportDialog, match_list);
  gtk_widget_class_bind_template_child (widget_class, LxImportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, LxImportDialog, mapping_box);
  gtk_widget_class_bind_template_child (widget_class, LxImportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, LxImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LxImportDialog, result_title);
  gtk_widget_class_bind_template_child (widget_class, LxImportDialog, result_counts);
  gtk_widget_class_bind_template_child (widget_class, LxImportDialog, error_list);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lx_import_dialog_init (LxImportDialog *self)
{
  self->dropdowns = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  for (LxImportKind k = LX_IMPORT_HOUSEHOLDS; k <= LX_IMPORT_BALLOTS; k++)
    gtk_string_list_append (self->kind_list, lx_import_kind_label (k));
  gtk_string_list_append (self->match_list, _("Update them with the file’s values"));
  gtk_string_list_append (self->match_list, _("Leave them as they are"));
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (on_kind_changed), self);
}

/**
 * lx_import_dialog_new:
 * @file: (nullable): the file to preview, or %NULL to let the user choose
 *
 * When @file is %NULL and LIANXIN_IMPORT_FILE is set, that file is
 * previewed: a testing hook, so that UI tests need not drive the
 * platform's file chooser.
 */
LxImportDialog *
lx_import_dialog_new (GtkWindow *parent,
                      LxStore   *store,
                      GFile     *file)
{
  LxImportDialog *self = g_object_new (LX_TYPE_IMPORT_DIALOG,
                                       "transient-for", parent,
                                       "store", store,
                                       NULL);
  const char *env = g_getenv ("LIANXIN_IMPORT_FILE");

  if (file != NULL)
    lx_import_dialog_set_file (self, file);
  else if (env != NULL && *env != '\0')
    {
      g_autoptr(GFile) f = g_file_new_for_path (env);
      lx_import_dialog_set_file (self, f);
    }
  return self;
}
