/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-appeal-step-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-appeal-form.h"
#include "lx-appeal-repo.h"
#include "lx-appeal-step-dialog.h"
#include "lx-date.h"
#include "lx-repo.h"

struct _LxAppealStepDialog
{
  AdwWindow     parent_instance;

  LxStore      *store;
  LxAppeal     *appeal;
  char         *kind;
  LxAppealForm *form;
  GPtrArray    *members;      /* LxMember, parallel to member_codes */
  GStrv         member_codes; /* ids as text, for the combo */
};

G_DEFINE_FINAL_TYPE (LxAppealStepDialog, lx_appeal_step_dialog, ADW_TYPE_WINDOW)

enum { DONE, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
title_for (const char *kind)
{
  if (g_str_equal (kind, "assign"))
    return _("Assign the Appeal");
  if (g_str_equal (kind, "answer"))
    return _("Record the Superior’s Answer");
  if (g_str_equal (kind, "resolved"))
    return _("Resolve the Appeal");
  if (g_str_equal (kind, "responded"))
    return _("Respond to the Appeal");
  if (g_str_equal (kind, "escalated"))
    return _("Escalate the Appeal");
  return _("Close with Follow-up");
}

static const char *
member_label (const char *code)
{
  return code;
}

static void
add_member_combo (LxAppealStepDialog  *self,
                  AdwPreferencesGroup *group)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autofree char *selected = NULL;
  AdwComboRow *row;

  self->members = lx_repo_list_members (self->store, 0, NULL);
  if (self->members == NULL)
    self->members = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->members->len; i++)
    {
      LxMember *m = g_ptr_array_index (self->members, i);
      g_strv_builder_add (names, m->name);
      if (m->id == self->appeal->assignee_id)
        selected = g_strdup (m->name);
    }
  /* The combo shows names; the codes are the names too, mapped back by index. */
  self->member_codes = g_strv_builder_end (names);
  row = lx_appeal_form_add_combo (self->form, group, "assignee", _("Handled By"),
                                  (const char * const *)self->member_codes, member_label,
                                  NULL, selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Handled by"), -1);
}

static void
build_fields (LxAppealStepDialog  *self,
              AdwPreferencesGroup *group)
{
  g_autofree char *today = lx_date_today ();
  g_autofree char *due = lx_date_add_days (today, 15);
  static const char * const resolve_levels[] = { "branch", "service_centre", "street", NULL };
  LxAppealForm *f = self->form;
  const char *kind = self->kind;

  if (g_str_equal (kind, "assign"))
    {
      add_member_combo (self, group);
      lx_appeal_form_add_entry (f, group, "deadline", _("Deadline"),
                                self->appeal->deadline ? self->appeal->deadline : due);
      lx_appeal_form_add_combo (f, group, "mechanism", _("Mechanism"), lx_appeal_mechanisms (),
                                lx_appeal_mechanism_label, _("Not set"), self->appeal->mechanism);
    }
  else if (g_str_equal (kind, "resolved"))
    {
      lx_appeal_form_add_combo (f, group, "resolution_level", _("Resolved At"), resolve_levels,
                                lx_appeal_level_label, NULL, NULL);
      lx_appeal_form_add_entry (f, group, "resolution", _("What Was Done"), NULL);
    }
  else if (g_str_equal (kind, "responded"))
    lx_appeal_form_add_entry (f, group, "resolution", _("Answer Given to the Person"), NULL);
  else if (g_str_equal (kind, "escalated"))
    lx_appeal_form_add_entry (f, group, "note", _("Why It Goes to the Superior Organization"), NULL);
  else if (g_str_equal (kind, "answer"))
    lx_appeal_form_add_entry (f, group, "superior_answer", _("Answer of the Superior Organization"),
                              self->appeal->superior_answer);
  else
    {
      lx_appeal_form_add_entry (f, group, "followup_on", _("Follow-up Call On"), today);
      lx_appeal_form_add_combo (f, group, "satisfaction", _("Satisfaction"),
                                lx_appeal_satisfactions (), lx_appeal_satisfaction_label,
                                NULL, "satisfied");
      lx_appeal_form_add_entry (f, group, "note", _("Follow-up Note"), NULL);
    }
  lx_appeal_form_add_general (f, group);
}

static gint64
chosen_member (LxAppealStepDialog *self)
{
  const char *name = lx_appeal_form_get_code (self->form, "assignee");

  for (guint i = 0; name != NULL && i < self->members->len; i++)
    if (self->member_codes[i] == name)
      return ((LxMember *)g_ptr_array_index (self->members, i))->id;
  return 0;
}

static gboolean
save (LxAppealStepDialog  *self,
      const char         **field,
      GError             **error)
{
  g_autofree char *deadline = lx_appeal_form_get_text (self->form, "deadline");
  g_autofree char *note = lx_appeal_form_get_text (self->form, "note");
  g_autofree char *resolution = lx_appeal_form_get_text (self->form, "resolution");
  g_autofree char *answer = lx_appeal_form_get_text (self->form, "superior_answer");
  g_autofree char *followup = lx_appeal_form_get_text (self->form, "followup_on");
  LxAppealChange change = {
    .note = note, .resolution = resolution, .followup_on = followup,
    .resolution_level = lx_appeal_form_get_code (self->form, "resolution_level"),
    .satisfaction = lx_appeal_form_get_code (self->form, "satisfaction"),
  };
  gint64 id = self->appeal->id;

  if (g_str_equal (self->kind, "assign"))
    return lx_appeal_repo_assign (self->store, id, chosen_member (self), deadline,
                                  lx_appeal_form_get_code (self->form, "mechanism"), 0, field, error);
  if (g_str_equal (self->kind, "answer"))
    {
      *field = "superior_answer";
      return lx_appeal_repo_record_answer (self->store, id, answer, 0, error);
    }
  return lx_appeal_repo_transition (self->store, id, self->kind, &change, field, error);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LxAppealStepDialog *self = LX_APPEAL_STEP_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  const char *field = NULL;

  lx_appeal_form_clear_errors (self->form);
  if (!save (self, &field, &error))
    {
      lx_appeal_form_show_error (self->form, field, error->message);
      return;
    }
  g_signal_emit (self, signals[DONE], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static GtkWidget *
text_button (const char *label,
             const char *accessible,
             const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return button;
}

static void
build (LxAppealStepDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *save_button = text_button (_("_Save"), _("Save"), "step.save");
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", lx_appeal_get_who (self->appeal),
                                               lx_appeal_status_label (self->appeal->status));

  gtk_window_set_title (GTK_WINDOW (self), title_for (self->kind));
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (title_for (self->kind), subtitle));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header),
                             text_button (_("_Cancel"), _("Cancel"), "window.close"));
  gtk_widget_add_css_class (save_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save_button);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), self->appeal->description);
  build_fields (self, ADW_PREFERENCES_GROUP (group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
}

LxAppealStepDialog *
lx_appeal_step_dialog_new (LxStore    *store,
                           LxAppeal   *appeal,
                           const char *kind)
{
  LxAppealStepDialog *self;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);
  g_return_val_if_fail (LX_IS_APPEAL (appeal), NULL);

  self = g_object_new (LX_TYPE_APPEAL_STEP_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->appeal = g_object_ref (appeal);
  self->kind = g_strdup (kind);
  build (self);
  return self;
}

static void
lx_appeal_step_dialog_dispose (GObject *object)
{
  LxAppealStepDialog *self = LX_APPEAL_STEP_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->appeal);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->form, lx_appeal_form_free);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->member_codes, g_strfreev);

  G_OBJECT_CLASS (lx_appeal_step_dialog_parent_class)->dispose (object);
}

static void
lx_appeal_step_dialog_class_init (LxAppealStepDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lx_appeal_step_dialog_dispose;
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_install_action (widget_class, "step.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "step.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lx_appeal_step_dialog_init (LxAppealStepDialog *self)
{
  self->form = lx_appeal_form_new ();
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 460);
}
