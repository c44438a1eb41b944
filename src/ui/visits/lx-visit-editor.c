/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-visit-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lx-date.h"
#include "lx-repo.h"
#include "lx-visit-editor.h"
#include "appeals/lx-appeal-editor.h"
#include "lx-visit-repo.h"
#include "lx-window.h"

#define MAX_RESULTS 8

static const char * const kinds[] = { LX_VISIT_KINDS };

/* The participants of the last visit logged: a secretary logging an
 * afternoon of visits goes with the same people. */
static GArray *last_participants;

struct _LxVisitEditor
{
  AdwWindow        parent_instance;

  LxStore         *store;
  gint64           household_id;
  GPtrArray       *points;        /* LxContactPoint, index + 1 in point_row */
  GPtrArray       *members;       /* LxMember, parallel to member_checks */
  GPtrArray       *member_checks; /* GtkCheckButton */
  GArray          *result_ids;    /* household ids of the result rows */

  AdwComboRow     *kind_row;
  AdwEntryRow     *date_row;
  AdwEntryRow     *time_row;
  GtkWidget       *household_group;
  AdwEntryRow     *household_search;
  GtkListBox      *household_results;
  AdwActionRow    *household_row;
  GtkWidget       *point_group;
  AdwComboRow     *point_row;
  GtkSearchEntry  *member_search;
  GtkListBox      *member_list;
  GtkLabel        *member_summary;
  GtkTextView     *notes_view;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (LxVisitEditor, lx_visit_editor, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Kind -------------------------------------------------------------------- */

static const char *
current_kind (LxVisitEditor *self)
{
  guint i = adw_combo_row_get_selected (self->kind_row);

  return i < G_N_ELEMENTS (kinds) ? kinds[i] : "home";
}

static void
on_kind_changed (LxVisitEditor *self)
{
  const char *kind = current_kind (self);

  gtk_widget_set_visible (self->household_group, g_strcmp0 (kind, "field") != 0);
  gtk_widget_set_visible (self->point_group, g_strcmp0 (kind, "home") != 0);
}

/* Household --------------------------------------------------------------- */

static gboolean
any_participant (LxVisitEditor *self)
{
  for (guint i = 0; self->member_checks != NULL && i < self->member_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->member_checks, i)))
      return TRUE;
  return FALSE;
}

/* With nobody chosen yet, the household's paired member or its zone's
 * members are ticked: most visits are theirs. */
static void
suggest_participants (LxVisitEditor *self)
{
  g_autoptr(GArray) ids = NULL;

  if (any_participant (self) || self->household_id <= 0 ||
      (ids = lx_visit_repo_suggest_participants (self->store, self->household_id, NULL)) == NULL)
    return;
  for (guint i = 0; i < self->members->len; i++)
    for (guint k = 0; k < ids->len; k++)
      if (((LxMember *)g_ptr_array_index (self->members, i))->id == g_array_index (ids, gint64, k))
        gtk_check_button_set_active (g_ptr_array_index (self->member_checks, i), TRUE);
}

static void
choose_household (LxVisitEditor *self,
                  gint64         id)
{
  g_autoptr(LxHousehold) h = id > 0 ? lx_repo_get_household (self->store, id, NULL) : NULL;

  self->household_id = h != NULL ? id : 0;
  if (h == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->household_row), _("No household chosen"));
      adw_action_row_set_subtitle (self->household_row, "");
      return;
    }
  {
    g_autofree char *address = lx_household_dup_address (h);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->household_row), h->head_name);
    adw_action_row_set_subtitle (self->household_row, address);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->household_results), FALSE);
  suggest_participants (self);
}

static void
clear_results (LxVisitEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->household_results))) != NULL)
    gtk_list_box_remove (self->household_results, child);
  g_array_set_size (self->result_ids, 0);
}

static void
on_household_search_changed (LxVisitEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->household_search));
  g_autofree char *lower = g_utf8_strdown (text, -1);
  LxHouseholdFilter filter = { .search = g_strstrip (lower) };
  g_autofree char *today = lx_date_today ();
  g_autoptr(GArray) ids = NULL;

  clear_results (self);
  if (*filter.search != '\0')
    ids = lx_repo_query_household_ids (self->store, &filter, today, NULL);
  for (guint i = 0; ids != NULL && i < MIN (ids->len, MAX_RESULTS); i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(LxHousehold) h = lx_repo_get_household (self->store, id, NULL);
      g_autofree char *address = NULL;
      GtkWidget *row;

      if (h == NULL)
        continue;
      address = lx_household_dup_address (h);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), h->head_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), address);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->household_results, row);
      g_array_append_val (self->result_ids, id);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->household_results), self->result_ids->len > 0);
}

static void
on_household_result_activated (LxVisitEditor *self,
                               GtkListBoxRow *row)
{
  int i = gtk_list_box_row_get_index (row);

  if (i >= 0 && (guint)i < self->result_ids->len)
    choose_household (self, g_array_index (self->result_ids, gint64, i));
}

/* Selecting a match (also what assistive technologies do) chooses it. */
static void
on_household_result_selected (LxVisitEditor *self,
                              GtkListBoxRow *row)
{
  if (row != NULL)
    on_household_result_activated (self, row);
}

/* Enter in the search takes the first match: quick from the keyboard. */
static void
on_household_search_activated (LxVisitEditor *self)
{
  if (self->result_ids->len > 0)
    {
      choose_household (self, g_array_index (self->result_ids, gint64, 0));
      gtk_widget_grab_focus (GTK_WIDGET (self->member_search));
    }
}

/* Participants ------------------------------------------------------------- */

static void
update_member_summary (LxVisitEditor *self)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < self->member_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->member_checks, i)))
      {
        LxMember *m = g_ptr_array_index (self->members, i);
        g_string_append_printf (names, "%s%s", names->len ? "、" : "", m->name);
      }
  gtk_label_set_label (self->member_summary, names->len ? names->str : _("No participant chosen"));
}

static gboolean
member_filter (GtkListBoxRow *row,
               gpointer       user_data)
{
  LxVisitEditor *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->member_search));
  int i = gtk_list_box_row_get_index (row);
  LxMember *m;

  if (*text == '\0' || i < 0 || (guint)i >= self->members->len)
    return TRUE;
  m = g_ptr_array_index (self->members, i);
  if (gtk_check_button_get_active (g_ptr_array_index (self->member_checks, i)))
    return TRUE;
  return strstr (m->name, text) != NULL;
}

static void
on_member_search_changed (LxVisitEditor *self)
{
  gtk_list_box_invalidate_filter (self->member_list);
}

static void
setup_members (LxVisitEditor *self)
{
  self->members = lx_repo_list_members (self->store, 0, NULL);
  if (self->members == NULL)
    self->members = g_ptr_array_new_with_free_func (g_object_unref);
  self->member_checks = g_ptr_array_new ();

  for (guint i = 0; i < self->members->len; i++)
    {
      LxMember *m = g_ptr_array_index (self->members, i);
      g_autofree char *label = g_strdup_printf ("%s · %s", m->name, lx_member_role_label (m->role));
      GtkWidget *check = gtk_check_button_new_with_label (label);

      gtk_widget_set_margin_start (check, 6);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, m->name, -1);
      for (guint k = 0; last_participants != NULL && k < last_participants->len; k++)
        if (g_array_index (last_participants, gint64, k) == m->id)
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_member_summary), self);
      gtk_list_box_append (self->member_list, check);
      g_ptr_array_add (self->member_checks, check);
    }
  gtk_list_box_set_filter_func (self->member_list, member_filter, self, NULL);
  update_member_summary (self);
}

static void
setup_points (LxVisitEditor *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kind_labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (kind_labels, lx_visit_kind_label (kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_labels));

  self->points = lx_repo_list_contact_points (self->store, NULL);
  if (self->points == NULL)
    self->points = g_ptr_array_new ();
  gtk_string_list_append (labels, _("None"));
  for (guint i = 0; i < self->points->len; i++)
    gtk_string_list_append (labels, ((LxContactPoint *)g_ptr_array_index (self->points, i))->name);
  adw_combo_row_set_model (self->point_row, G_LIST_MODEL (labels));
}

/* Saving ------------------------------------------------------------------- */

static void
show_error (LxVisitEditor *self,
            const char    *field,
            const char    *message)
{
  GtkWidget *focus = NULL;

  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (g_strcmp0 (field, "happened_at") == 0)
    focus = GTK_WIDGET (self->date_row);
  else if (g_strcmp0 (field, "households") == 0)
    focus = GTK_WIDGET (self->household_search);
  else if (g_strcmp0 (field, "members") == 0)
    focus = GTK_WIDGET (self->member_search);
  else if (g_strcmp0 (field, "contact_point") == 0)
    focus = GTK_WIDGET (self->point_row);
  if (focus != NULL)
    {
      gtk_widget_add_css_class (focus, "error");
      gtk_widget_grab_focus (focus);
    }
}

static LxVisit *
build_visit (LxVisitEditor *self)
{
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  g_autofree char *time = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->time_row))));
  g_autofree char *moment = *time ? g_strdup_printf ("%s %s", date, time) : g_strdup (date);
  LxVisit *v = lx_visit_new (current_kind (self), moment);
  guint point = adw_combo_row_get_selected (self->point_row);
  GtkTextIter start, end;

  if (gtk_widget_get_visible (self->household_group) && self->household_id > 0)
    g_array_append_val (v->household_ids, self->household_id);
  if (gtk_widget_get_visible (self->point_group) && point > 0 && point <= self->points->len)
    v->contact_point_id = ((LxContactPoint *)g_ptr_array_index (self->points, point - 1))->id;
  for (guint i = 0; i < self->member_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->member_checks, i)))
      g_array_append_val (v->member_ids, ((LxMember *)g_ptr_array_index (self->members, i))->id);
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (self->notes_view), &start, &end);
  v->notes = gtk_text_buffer_get_text (gtk_text_view_get_buffer (self->notes_view), &start, &end, FALSE);
  return v;
}

/* Saves the visit; with "editor.save-appeal", then opens the intake of an
 * appeal raised on it, linked to the visit and its household. */
static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LxVisitEditor *self = LX_VISIT_EDITOR (widget);
  g_autoptr(LxVisit) v = build_visit (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = lx_date_today ();
  const char *field = NULL;
  GtkWidget *fields[] = { GTK_WIDGET (self->date_row), GTK_WIDGET (self->household_search),
                          GTK_WIDGET (self->member_search), GTK_WIDGET (self->point_row) };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_widget_remove_css_class (fields[i], "error");
  if (!lx_visit_validate (v, today, &field, &error) ||
      lx_visit_repo_add (self->store, v, &error) == 0)
    {
      show_error (self, field, error->message);
      return;
    }
  g_clear_pointer (&last_participants, g_array_unref);
  last_participants = g_array_ref (v->member_ids);
  g_signal_emit (self, signals[SAVED], 0, v->id);
  if (g_str_equal (action_name, "editor.save-appeal"))
    {
      gint64 household_id = v->household_ids->len > 0 ? g_array_index (v->household_ids, gint64, 0) : 0;
      GtkWindow *intake = lx_appeal_editor_new_for_household (self->store, household_id, v->id);

      gtk_window_set_transient_for (intake, gtk_window_get_transient_for (GTK_WINDOW (self)));
      gtk_window_present (intake);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Lifecycle --------------------------------------------------------------- */

LxVisitEditor *
lx_visit_editor_new (LxStore *store,
                     gint64   household_id)
{
  LxVisitEditor *self = g_object_new (LX_TYPE_VISIT_EDITOR, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = lx_date_today ();
  g_autofree char *time = g_date_time_format (now, "%H:%M");

  self->store = g_object_ref (store);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), time);
  setup_points (self);
  setup_members (self);
  choose_household (self, household_id);
  on_kind_changed (self);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (on_kind_changed), self);
  gtk_widget_grab_focus (household_id > 0 ? GTK_WIDGET (self->member_search)
                                          : GTK_WIDGET (self->household_search));
  return self;
}

static void
lx_visit_editor_dispose (GObject *object)
{
  LxVisitEditor *self = LX_VISIT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LX_TYPE_VISIT_EDITOR);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (lx_visit_editor_parent_class)->dispose (object);
}

static void
lx_visit_editor_finalize (GObject *object)
{
  LxVisitEditor *self = LX_VISIT_EDITOR (object);

  g_clear_pointer (&self->points, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->member_checks, g_ptr_array_unref);
  g_clear_pointer (&self->result_ids, g_array_unref);
  G_OBJECT_CLASS (lx_visit_editor_parent_class)->finalize (object);
}

static void
lx_visit_editor_class_init (LxVisitEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lx_visit_editor_dispose;
  object_class->finalize = lx_visit_editor_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/lx-visit-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LxVisitEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LxVisitEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, LxVisitEditor, time_row);
  gtk_widget_class_bind_template_child (widget_class, LxVisitEditor, household_group);
  gtk_widget_class_bind_template_child (widget_class, LxVisitEditor, household_search);
  gtk_widget_class_bind_template_child (widget_class, LxVisitEditor, household_results);
  gtk_widget_class_bind_template_child (widget_class, LxVisitEditor, household_row);
  gtk_widget_class_bind_template_child (widget_class, LxVisitEditor, point_group);
  gtk_widget_class_bind_template_child (widget_class, LxVisitEditor, point_row);
  gtk_widget_class_bind_template_child (widget_class, LxVisitEditor, member_search);
  gtk_widget_class_bind_template_child (widget_class, LxVisitEditor, member_list);
  gtk_widget_class_bind_template_child (widget_class, LxVisitEditor, member_summary);
  gtk_widget_class_bind_template_child (widget_class, LxVisitEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, LxVisitEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_household_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_household_search_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_household_result_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_household_result_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_member_search_changed);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.save-appeal", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lx_visit_editor_init (LxVisitEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->result_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* Opening from anywhere --------------------------------------------------- */

typedef struct
{
  LxStore *store;
  LxVisit *visit;
} UndoData;

static void
undo_data_free (gpointer data)
{
  UndoData *undo = data;

  g_clear_object (&undo->store);
  g_clear_object (&undo->visit);
  g_free (undo);
}

static void
on_undo_log (AdwToast *toast,
             UndoData *undo)
{
  g_autoptr(LxVisit) deleted = NULL;
  g_autoptr(GError) error = NULL;

  deleted = lx_visit_repo_delete (undo->store, undo->visit->id, &error);
  if (deleted == NULL)
    g_warning ("Cannot undo the visit: %s", error->message);
}

static void
on_saved (GtkWidget     *parent,
          gint64         visit_id,
          LxVisitEditor *editor)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  g_autoptr(LxVisit) v = lx_visit_repo_get (editor->store, visit_id, NULL);
  g_autofree char *title = NULL;
  UndoData *undo;
  AdwToast *toast;

  if (!LX_IS_WINDOW (root) || v == NULL)
    return;
  /* Translators: a toast, "已记录入户走访：张三" */
  title = g_strdup_printf (_("Logged a %s: %s"), lx_visit_kind_label (v->kind),
                           v->household_names ? v->household_names
                           : v->contact_point_name ? v->contact_point_name : v->happened_at);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  undo = g_new0 (UndoData, 1);
  undo->store = g_object_ref (editor->store);
  undo->visit = g_object_ref (v);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_log), undo,
                         (GClosureNotify)(void (*) (void))undo_data_free, 0);
  lx_window_show_toast (LX_WINDOW (root), toast);
}

void
lx_visit_editor_present (GtkWidget *parent,
                         LxStore   *store,
                         gint64     household_id)
{
  LxVisitEditor *editor;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (LX_IS_STORE (store));

  editor = lx_visit_editor_new (store, household_id);
  root = gtk_widget_get_root (parent);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_saved), parent, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}
