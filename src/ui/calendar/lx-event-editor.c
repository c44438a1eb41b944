/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-event-editor"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "lx-calendar-view.h"
#include "lx-event-delete.h"
#include "lx-event-repo.h"
#include "lx-recurrence.h"
#include "lx-repo.h"
#include "lx-visit-repo.h"
#include "lx-window.h"

/* A small window to put an event on the calendar, built in code: a form of
 * rows with a repeat choice for reception days. */

static const char * const event_kinds[] = {
  "reception_day", "planned_visit", "field", "service", "meeting"
};

typedef enum { REPEAT_NONE, REPEAT_WEEKLY, REPEAT_MONTH_WEEKDAY, REPEAT_MONTH_LAST, REPEAT_MONTH_DAY } Repeat;

typedef struct
{
  LxStore     *store;
  GtkWidget   *window;
  AdwComboRow *kind;
  AdwEntryRow *title;
  AdwEntryRow *date;
  AdwEntryRow *start;
  AdwEntryRow *end;
  AdwEntryRow *place;
  AdwComboRow *repeat;
  AdwComboRow *point;
  GPtrArray   *points;   /* LxContactPoint */
  GPtrArray   *members;  /* LxMember */
  GPtrArray   *checks;   /* GtkCheckButton, parallel to members */
  GtkLabel    *error;
} Form;

static void
form_free (gpointer data)
{
  Form *f = data;

  g_clear_object (&f->store);
  g_clear_pointer (&f->points, g_ptr_array_unref);
  g_clear_pointer (&f->members, g_ptr_array_unref);
  g_clear_pointer (&f->checks, g_ptr_array_unref);
  g_free (f);
}

static char *
build_rrule (Repeat      repeat,
             const char *date)
{
  static const char * const codes[] = { NULL, "MO", "TU", "WE", "TH", "FR", "SA", "SU" };
  GDate d;
  int day;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, atoi (date + 8), atoi (date + 5), atoi (date));
  if (!g_date_valid (&d))
    return NULL;
  day = g_date_get_day (&d);
  switch (repeat)
    {
    case REPEAT_WEEKLY:
      return g_strdup_printf ("FREQ=WEEKLY;BYDAY=%s", codes[g_date_get_weekday (&d)]);
    case REPEAT_MONTH_WEEKDAY:
      return g_strdup_printf ("FREQ=MONTHLY;BYDAY=%d%s", (day - 1) / 7 + 1, codes[g_date_get_weekday (&d)]);
    case REPEAT_MONTH_LAST:
      return g_strdup_printf ("FREQ=MONTHLY;BYDAY=-1%s", codes[g_date_get_weekday (&d)]);
    case REPEAT_MONTH_DAY:
      return g_strdup_printf ("FREQ=MONTHLY;BYMONTHDAY=%d", day);
    case REPEAT_NONE:
    default:
      return NULL;
    }
}

static void
on_save (GtkButton *button,
         Form      *f)
{
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  const char *date = gtk_editable_get_text (GTK_EDITABLE (f->date));
  const char *end = gtk_editable_get_text (GTK_EDITABLE (f->end));
  g_autofree char *starts = g_strdup_printf ("%s %s", date, gtk_editable_get_text (GTK_EDITABLE (f->start)));
  g_autofree char *ends = *end ? g_strdup_printf ("%sT%s", date, end) : NULL;
  g_autofree char *rrule = NULL;
  guint point = adw_combo_row_get_selected (f->point);
  LxEventDraft draft = { 0 };
  const char *field = NULL;

  g_strstrip (starts);
  if (strlen (starts) == 16)
    starts[10] = 'T';
  rrule = build_rrule (adw_combo_row_get_selected (f->repeat), date);
  for (guint i = 0; i < f->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (f->checks, i)))
      g_array_append_val (members, ((LxMember *)g_ptr_array_index (f->members, i))->id);

  draft.kind = event_kinds[MIN (adw_combo_row_get_selected (f->kind), G_N_ELEMENTS (event_kinds) - 1)];
  draft.title = gtk_editable_get_text (GTK_EDITABLE (f->title));
  draft.starts_at = starts;
  draft.ends_at = ends;
  draft.place = gtk_editable_get_text (GTK_EDITABLE (f->place));
  draft.rrule = rrule;
  draft.member_ids = members;
  if (point > 0 && point <= f->points->len)
    draft.contact_point_id = ((LxContactPoint *)g_ptr_array_index (f->points, point - 1))->id;

  if (lx_event_repo_create (f->store, &draft, &field, &error) == 0)
    {
      gtk_label_set_label (f->error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (f->error), TRUE);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (f->window));
}

static AdwEntryRow *
entry_row (GtkWidget  *group,
           const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_ENTRY_ROW (row);
}

static AdwComboRow *
combo_row (GtkWidget   *group,
           const char  *title,
           const char **labels)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_COMBO_ROW (row);
}

static void
add_people (Form      *f,
            GtkWidget *page)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *expander = adw_expander_row_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Participants"));
  f->members = lx_repo_list_members (f->store, 0, NULL);
  if (f->members == NULL)
    f->members = g_ptr_array_new_with_free_func (g_object_unref);
  f->checks = g_ptr_array_new ();
  for (guint i = 0; i < f->members->len; i++)
    {
      LxMember *m = g_ptr_array_index (f->members, i);
      GtkWidget *check = gtk_check_button_new_with_label (m->name);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_widget_set_margin_start (check, 12);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), check);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
      g_ptr_array_add (f->checks, check);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);

  f->points = lx_repo_list_contact_points (f->store, NULL);
  if (f->points == NULL)
    f->points = g_ptr_array_new ();
  g_ptr_array_add (labels, (gpointer)_("None"));
  for (guint i = 0; i < f->points->len; i++)
    g_ptr_array_add (labels, ((LxContactPoint *)g_ptr_array_index (f->points, i))->name);
  g_ptr_array_add (labels, NULL);
  f->point = combo_row (group, _("Contact Point"), (const char **)labels->pdata);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
}

void
lx_event_editor_present (GtkWidget  *parent,
                         LxStore    *store,
                         const char *date)
{
  Form *f = g_new0 (Form, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *error = gtk_label_new (NULL);
  GtkRoot *root = gtk_widget_get_root (parent);
  const char *kinds[] = { _("Reception Day"), _("Planned Visit"), _("Field Visit"),
                          _("Service Activity"), _("Meeting"), NULL };
  const char *repeats[] = { _("Does not repeat"), _("Weekly, on the same weekday"),
                            _("Monthly, on the same weekday of the month (e.g. 2nd Thursday)"),
                            _("Monthly, on the last such weekday"), _("Monthly, on the same day"), NULL };

  f->store = g_object_ref (store);
  f->window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (f->window), _("New Event"));
  gtk_window_set_modal (GTK_WINDOW (f->window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 520, 680);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (f->window), GTK_WINDOW (root));
  g_object_set_data_full (G_OBJECT (f->window), "form", f, form_free);

  gtk_accessible_update_property (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Save"), -1);
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect (save, "clicked", G_CALLBACK (on_save), f);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (box), header);

  f->kind = combo_row (group, _("Kind"), kinds);
  f->title = entry_row (group, _("Title"), _("Reception Day of Party Representatives"));
  f->date = entry_row (group, _("Date"), date);
  f->start = entry_row (group, _("Starts"), "09:00");
  f->end = entry_row (group, _("Ends"), "11:30");
  f->place = entry_row (group, _("Place"), NULL);
  f->repeat = combo_row (group, _("Repeat"), repeats);
  adw_combo_row_set_selected (f->repeat, REPEAT_MONTH_WEEKDAY);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  add_people (f, page);

  f->error = GTK_LABEL (error);
  gtk_widget_add_css_class (error, "error");
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_widget_set_visible (error, FALSE);
  gtk_widget_set_margin_bottom (error, 12);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  gtk_box_append (GTK_BOX (box), error);
  adw_window_set_content (ADW_WINDOW (f->window), box);
  gtk_window_present (GTK_WINDOW (f->window));
}

/* Deleting, with undo ------------------------------------------------------ */

typedef struct
{
  LxStore     *store;
  GtkWidget   *view;
  LxEventCopy *copy;            /* the whole event was deleted */
  gint64       event_id;        /* or one occurrence of it */
  char        *occurrence_on;
  char        *moved_to;
} Undo;

static void
undo_free (gpointer data)
{
  Undo *u = data;

  g_clear_object (&u->store);
  g_clear_object (&u->view);
  g_clear_pointer (&u->copy, lx_event_copy_free);
  g_free (u->occurrence_on);
  g_free (u->moved_to);
  g_free (u);
}

static void
show_toast (GtkWidget *view,
            AdwToast  *toast)
{
  GtkRoot *root = gtk_widget_get_root (view);

  if (LX_IS_WINDOW (root))
    lx_window_show_toast (LX_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
on_undo (AdwToast *toast,
         Undo     *u)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (u->copy != NULL)
    ok = lx_event_repo_restore (u->store, u->copy, &error);
  else
    ok = lx_event_repo_restore_occurrence (u->store, u->event_id, u->occurrence_on, u->moved_to, &error);
  if (!ok)
    show_toast (u->view, adw_toast_new (error->message));
}

static void
toast_with_undo (const char *text,
                 Undo       *u)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo), u,
                         (GClosureNotify)(void (*) (void))undo_free, 0);
  show_toast (u->view, toast);
}

static Undo *
undo_new (GtkWidget    *view,
          LxStore      *store,
          LxOccurrence *o)
{
  Undo *u = g_new0 (Undo, 1);

  u->view = g_object_ref (view);
  u->store = g_object_ref (store);
  u->event_id = o->event_id;
  u->occurrence_on = g_strdup (o->occurrence_on);
  u->moved_to = o->moved ? g_strdup (o->starts_at) : NULL;
  return u;
}

static void
delete_whole (GtkWidget    *view,
              LxStore      *store,
              LxOccurrence *o)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Undo *u;
  LxEventCopy *copy;

  if ((copy = lx_event_repo_delete_undoable (store, o->event_id, &error)) == NULL)
    {
      show_toast (view, adw_toast_new (error->message));
      return;
    }
  u = undo_new (view, store, o);
  u->copy = copy;
  /* Translators: a toast, “党代表接待日”已删除 */
  text = g_strdup_printf (_("Deleted “%s”"), o->title);
  toast_with_undo (text, u);
}

static void
delete_occurrence (GtkWidget    *view,
                   LxStore      *store,
                   LxOccurrence *o)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!lx_event_repo_skip_occurrence (store, o->event_id, o->occurrence_on, &error))
    {
      show_toast (view, adw_toast_new (error->message));
      return;
    }
  /* Translators: a toast, "已删除 2026-12-10 的这一次" */
  text = g_strdup_printf (_("Deleted the occurrence on %.10s"), o->starts_at);
  toast_with_undo (text, undo_new (view, store, o));
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    LxOccurrence     *o)
{
  GtkWidget *view = g_object_get_data (G_OBJECT (dialog), "view");
  LxStore *store = g_object_get_data (G_OBJECT (dialog), "store");

  if (g_strcmp0 (response, "occurrence") == 0)
    delete_occurrence (view, store, o);
  else if (g_strcmp0 (response, "series") == 0)
    delete_whole (view, store, o);
}

/* A single event goes at once (undo is in the toast); for an occurrence of
 * a series, the user chooses this occurrence only (an exception) or the
 * whole series. */
void
lx_event_delete_present (GtkWidget    *view,
                         LxStore      *store,
                         LxOccurrence *o)
{
  GtkRoot *root = gtk_widget_get_root (view);
  GtkWidget *dialog;

  g_return_if_fail (LX_IS_STORE (store) && LX_IS_OCCURRENCE (o));

  if (o->rrule == NULL)
    {
      delete_whole (view, store, o);
      return;
    }
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Delete a Repeating Event?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” repeats. Delete only the occurrence on %.10s, or every "
                                    "occurrence of the series?"), o->title, o->starts_at);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "occurrence", _("_This Occurrence Only"),
                                    "series", _("The _Whole Series"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "series",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "occurrence");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "view", g_object_ref (view), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "store", g_object_ref (store), g_object_unref);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_delete_response), g_object_ref (o),
                         (GClosureNotify)(void (*) (void))g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
