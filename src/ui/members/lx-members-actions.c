/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-members-actions"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lx-date.h"
#include "lx-member-editor.h"
#include "lx-member-repo.h"
#include "lx-members-view-private.h"
#include "lx-org-repo.h"
#include "lx-validate.h"

/* The members view's actions: the small dialogs (move, transfer out, add
 * and rename an organization) and the undo toasts of every change. */

/* Undo ------------------------------------------------------------------- */

typedef enum { UNDO_DELETE, UNDO_MOVE, UNDO_TRANSFER, UNDO_DELETE_ORG } UndoKind;

typedef struct
{
  UndoKind          kind;
  LxStore          *store;
  gint64            member_id;
  gint64            org_id;      /* UNDO_MOVE: where the member was */
  LxMemberTransfer *transfer;
  LxOrganization   *org;         /* UNDO_DELETE_ORG */
  int               position;
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_object_unref (undo->store);
  g_clear_pointer (&undo->transfer, lx_member_transfer_free);
  g_clear_object (&undo->org);
  g_free (undo);
}

static void
on_undo (AdwToast *toast,
         Undo     *undo)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  switch (undo->kind)
    {
    case UNDO_DELETE:
      ok = lx_repo_restore_member (undo->store, undo->member_id, &error);
      break;
    case UNDO_MOVE:
      ok = lx_member_repo_move (undo->store, undo->member_id, undo->org_id, NULL, &error);
      break;
    case UNDO_TRANSFER:
      ok = lx_member_repo_undo_transfer (undo->store, undo->transfer, &error);
      break;
    case UNDO_DELETE_ORG:
      ok = lx_org_repo_restore (undo->store, undo->org, undo->position, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    g_warning ("Cannot undo: %s", error->message);
}

static Undo *
undo_new (LxMembersView *self,
          UndoKind       kind,
          gint64         member_id)
{
  Undo *undo = g_new0 (Undo, 1);

  undo->kind = kind;
  undo->store = g_object_ref (self->store);
  undo->member_id = member_id;
  return undo;
}

static void
show_toast (LxMembersView *self,
            const char    *title,
            Undo          *undo)
{
  LxWindow *window = lx_members_view_get_window (self);
  AdwToast *toast;

  if (window == NULL)
    {
      g_clear_pointer (&undo, undo_free);
      return;
    }
  toast = adw_toast_new (title);
  if (undo != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo), undo,
                             (GClosureNotify)(void (*) (void))undo_free, 0);
    }
  lx_window_show_toast (window, toast);
}

/* Members ---------------------------------------------------------------- */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  lx_members_view_add (LX_MEMBERS_VIEW (widget));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LxMembersView *self = LX_MEMBERS_VIEW (widget);

  if (self->current != NULL)
    lx_members_view_open_editor (self, self->current->member);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LxMembersView *self = LX_MEMBERS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  if (self->current == NULL)
    return;
  id = self->current->member->id;
  name = g_strdup (self->current->member->name);
  if (!lx_repo_delete_member (self->store, id, &error))
    {
      show_toast (self, error->message, NULL);
      return;
    }
  title = g_strdup_printf (_("Deleted %s"), name);
  show_toast (self, title, undo_new (self, UNDO_DELETE, id));
}

/* A message dialog over the window, with @extra under its body. */
static AdwMessageDialog *
new_dialog (LxMembersView *self,
            const char    *heading,
            const char    *body,
            GtkWidget     *extra,
            const char    *response,
            const char    *response_label,
            AdwResponseAppearance appearance)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (lx_members_view_get_window (self)),
                                                       heading, body));
  adw_message_dialog_set_extra_child (dialog, extra);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response, response_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, response, appearance);
  adw_message_dialog_set_default_response (dialog, response);
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

static GtkWidget *
labelled_entry (const char *accessible_label,
                const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), accessible_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  return entry;
}

static void
on_move_response (AdwMessageDialog *dialog,
                  const char       *response,
                  LxMembersView    *self)
{
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (dialog), "dropdown");
  gint64 member_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "member-id"));
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  LxOrganization *org;
  Undo *undo;

  if (g_strcmp0 (response, "move") != 0 || selected >= self->orgs->len)
    return;
  org = g_ptr_array_index (self->orgs, selected);
  undo = undo_new (self, UNDO_MOVE, member_id);
  if (!lx_member_repo_move (self->store, member_id, org->id, &undo->org_id, &error))
    {
      undo_free (undo);
      show_toast (self, error->message, NULL);
      return;
    }
  title = g_strdup_printf (_("Moved to %s"), org->name);
  show_toast (self, title, undo);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LxMembersView *self = LX_MEMBERS_VIEW (widget);
  g_autoptr(GtkStringList) labels = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *dropdown;

  if (self->current == NULL)
    return;
  labels = lx_member_editor_org_labels (self->orgs);
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Party organization"), -1);
  for (guint i = 0; i < self->orgs->len; i++)
    if (((LxOrganization *)g_ptr_array_index (self->orgs, i))->id == self->current->member->org_id)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);

  /* Translators: the body of the "Move to Branch" dialog */
  body = g_strdup_printf (_("%s stays paired with the same households."), self->current->member->name);
  dialog = new_dialog (self, _("Move to Another Organization"), body, dropdown,
                       "move", _("_Move"), ADW_RESPONSE_SUGGESTED);
  g_object_set_data (G_OBJECT (dialog), "dropdown", dropdown);
  g_object_set_data (G_OBJECT (dialog), "member-id", GSIZE_TO_POINTER (self->current->member->id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_move_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Transfer out ----------------------------------------------------------- */

typedef struct
{
  LxMembersView *view;
  gint64         member_id;
  char          *join_date;
  GtkEditable   *date;
  GtkEditable   *destination;
  GtkLabel      *error;
} TransferDialog;

static void
transfer_dialog_free (gpointer data)
{
  TransferDialog *td = data;

  g_free (td->join_date);
  g_free (td);
}

/* Checks the date as it is typed, with the message under the entry; the
 * Transfer Out button waits for a good one. */
static void
on_transfer_date_changed (AdwMessageDialog *dialog)
{
  TransferDialog *td = g_object_get_data (G_OBJECT (dialog), "transfer");
  g_autoptr(GError) error = NULL;
  g_autofree char *today = lx_date_today ();
  g_autofree char *iso = lx_parse_date_loose (gtk_editable_get_text (td->date), &error);
  const char *message = NULL;

  if (iso == NULL || !lx_validate_date (iso, today, &error))
    message = error->message;
  else if (td->join_date != NULL && strcmp (iso, td->join_date) < 0)
    message = _("The transfer date is before the member joined the Party");
  gtk_label_set_label (td->error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (td->error), message != NULL);
  adw_message_dialog_set_response_enabled (dialog, "transfer", message == NULL);
}

static void
on_transfer_response (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  TransferDialog *td = g_object_get_data (G_OBJECT (dialog), "transfer");
  LxMembersView *self = td->view;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autoptr(LxMember) m = NULL;
  LxMemberTransfer *transfer;
  Undo *undo;

  if (g_strcmp0 (response, "transfer") != 0)
    return;
  transfer = lx_member_repo_transfer_out (self->store, td->member_id,
                                          gtk_editable_get_text (td->date),
                                          gtk_editable_get_text (td->destination), NULL, &error);
  if (transfer == NULL)
    {
      show_toast (self, error->message, NULL);
      return;
    }
  m = lx_repo_get_member (self->store, td->member_id, NULL);
  if (transfer->ended_pairings->len > 0)
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%s transferred out; %u pairing ended",
                                          "%s transferred out; %u pairings ended",
                                          transfer->ended_pairings->len),
                             m ? m->name : "", transfer->ended_pairings->len);
  else
    title = g_strdup_printf (_("%s transferred out"), m ? m->name : "");
  undo = undo_new (self, UNDO_TRANSFER, td->member_id);
  undo->transfer = transfer;
  show_toast (self, title, undo);
}

static void
transfer_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  LxMembersView *self = LX_MEMBERS_VIEW (widget);
  TransferDialog *td;
  GtkWidget *box, *date, *destination, *error;
  AdwMessageDialog *dialog;
  g_autofree char *today = lx_date_today ();
  g_autofree char *body = NULL;

  if (self->current == NULL)
    return;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  date = labelled_entry (_("Transfer date"), today);
  error = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);
  destination = labelled_entry (_("Transferred to (organization)"), NULL);
  gtk_box_append (GTK_BOX (box), date);
  gtk_box_append (GTK_BOX (box), error);
  gtk_box_append (GTK_BOX (box), destination);

  body = g_strdup_printf (self->current->paired > 0
                          ? _("%s leaves the ledger; their current pairings end on the transfer date.")
                          : _("%s leaves the ledger; the record and its history are kept."),
                          self->current->member->name);
  dialog = new_dialog (self, _("Mark Transferred Out"), body, box,
                       "transfer", _("_Transfer Out"), ADW_RESPONSE_DESTRUCTIVE);
  td = g_new0 (TransferDialog, 1);
  td->view = self;
  td->member_id = self->current->member->id;
  td->join_date = g_strdup (self->current->member->join_date);
  td->date = GTK_EDITABLE (date);
  td->destination = GTK_EDITABLE (destination);
  td->error = GTK_LABEL (error);
  g_object_set_data_full (G_OBJECT (dialog), "transfer", td, transfer_dialog_free);
  g_signal_connect_swapped (date, "changed", G_CALLBACK (on_transfer_date_changed), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_transfer_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Organizations ---------------------------------------------------------- */

static const char * const org_kinds[] = { "committee", "general_branch", "branch", "group" };

static void
on_org_response (AdwMessageDialog *dialog,
                 const char       *response,
                 LxMembersView    *self)
{
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "name");
  GtkDropDown *kind = g_object_get_data (G_OBJECT (dialog), "kind");
  gint64 org_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "org-id"));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_strcmp0 (response, "add") == 0)
    {
      guint k = gtk_drop_down_get_selected (kind);
      ok = lx_org_repo_add (self->store, org_id, gtk_editable_get_text (name),
                            k < G_N_ELEMENTS (org_kinds) ? org_kinds[k] : NULL, &error) > 0;
    }
  else if (g_strcmp0 (response, "rename") == 0)
    ok = lx_org_repo_rename (self->store, org_id, gtk_editable_get_text (name), &error);
  else
    return;
  if (!ok)
    show_toast (self, error->message, NULL);
}

static void
add_org_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  LxMembersView *self = LX_MEMBERS_VIEW (widget);
  LxOrganization *parent = lx_members_view_selected_org (self);
  const char *labels[G_N_ELEMENTS (org_kinds) + 1] = { NULL };
  const char *suggested = lx_org_default_child_kind (parent ? parent->kind : NULL);
  g_autofree char *body = NULL;
  GtkWidget *box, *name, *kind;
  AdwMessageDialog *dialog;

  for (guint i = 0; i < G_N_ELEMENTS (org_kinds); i++)
    labels[i] = lx_organization_kind_label (org_kinds[i]);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  name = labelled_entry (_("Name of the organization"), NULL);
  kind = gtk_drop_down_new_from_strings (labels);
  gtk_accessible_update_property (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Kind of organization"), -1);
  for (guint i = 0; i < G_N_ELEMENTS (org_kinds); i++)
    if (g_strcmp0 (org_kinds[i], parent ? suggested : "committee") == 0)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), i);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), kind);

  body = parent != NULL ? g_strdup_printf (_("Under %s"), parent->name)
                        : g_strdup (_("At the top of the tree"));
  dialog = new_dialog (self, _("Add an Organization"), body, box, "add", _("_Add"),
                       ADW_RESPONSE_SUGGESTED);
  g_object_set_data (G_OBJECT (dialog), "name", name);
  g_object_set_data (G_OBJECT (dialog), "kind", kind);
  g_object_set_data (G_OBJECT (dialog), "org-id", GSIZE_TO_POINTER (parent ? parent->id : 0));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_org_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rename_org_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  LxMembersView *self = LX_MEMBERS_VIEW (widget);
  LxOrganization *org = lx_members_view_selected_org (self);
  AdwMessageDialog *dialog;
  GtkWidget *name;

  if (org == NULL)
    return;
  name = labelled_entry (_("Name of the organization"), org->name);
  dialog = new_dialog (self, _("Rename the Organization"), lx_organization_kind_label (org->kind),
                       name, "rename", _("_Rename"), ADW_RESPONSE_SUGGESTED);
  g_object_set_data (G_OBJECT (dialog), "name", name);
  g_object_set_data (G_OBJECT (dialog), "org-id", GSIZE_TO_POINTER (org->id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_org_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_org_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  LxMembersView *self = LX_MEMBERS_VIEW (widget);
  LxOrganization *org = lx_members_view_selected_org (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  Undo *undo;

  if (org == NULL)
    return;
  undo = undo_new (self, UNDO_DELETE_ORG, 0);
  undo->org = g_object_ref (org);
  if (!lx_org_repo_delete (self->store, org->id, &undo->position, &error))
    {
      undo_free (undo);
      show_toast (self, error->message, NULL);
      return;
    }
  title = g_strdup_printf (_("Deleted %s"), undo->org->name);
  show_toast (self, title, undo);
}

void
lx_members_view_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "view.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "members.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "members.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "members.move", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "members.transfer", NULL, transfer_action);
  gtk_widget_class_install_action (widget_class, "members.add-org", NULL, add_org_action);
  gtk_widget_class_install_action (widget_class, "members.rename-org", NULL, rename_org_action);
  gtk_widget_class_install_action (widget_class, "members.delete-org", NULL, delete_org_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "members.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "members.edit", NULL);
}
