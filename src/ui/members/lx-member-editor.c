/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-member-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-member-editor.h"
#include "lx-member-repo.h"
#include "lx-org-repo.h"
#include "lx-repo.h"

struct _LxMemberEditor
{
  AdwWindow        parent_instance;

  LxStore         *store;
  LxMember        *member;          /* NULL: a new member */
  gint64           default_org_id;
  GPtrArray       *orgs;            /* LxOrganization, parallel to org_row */
  GArray          *cp_ids;          /* contact point ids, parallel to cp_checks */
  GPtrArray       *cp_checks;

  AdwWindowTitle  *window_title;
  AdwEntryRow     *name_row;
  AdwComboRow     *gender_row;
  AdwEntryRow     *birth_row;
  AdwEntryRow     *join_row;
  AdwEntryRow     *id_row;
  AdwEntryRow     *phone_row;
  AdwComboRow     *status_row;
  AdwComboRow     *org_row;
  AdwComboRow     *role_row;
  GtkCheckButton  *cadre_check;
  GtkCheckButton  *party_rep_check;
  GtkCheckButton  *npc_check;
  GtkCheckButton  *cppcc_check;
  AdwPreferencesGroup *contact_group;
  /* error rows and labels, in the order of `fields` below */
  GtkWidget       *name_error, *gender_error, *birth_error, *join_error, *id_error,
                  *phone_error, *org_error, *role_error, *general_error;
  GtkLabel        *name_error_label, *gender_error_label, *birth_error_label,
                  *join_error_label, *id_error_label, *phone_error_label, *org_error_label,
                  *role_error_label, *general_error_label;
};

G_DEFINE_FINAL_TYPE (LxMemberEditor, lx_member_editor, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char * const genders[] = { NULL, "male", "female" };
static const char * const statuses[] = { "full", "probationary" };
static const char * const roles[] = { "secretary", "deputy", "committee", "group_leader", "member" };

/* Where each field the repository names shows its error. */
typedef struct
{
  const char *field;
  gsize       row;     /* offsets into LxMemberEditor */
  gsize       label;
  gsize       entry;
} FieldError;

#define FE(f, name, entry_) { f, G_STRUCT_OFFSET (LxMemberEditor, name##_error), \
                              G_STRUCT_OFFSET (LxMemberEditor, name##_error_label), entry_ }
static const FieldError fields[] = {
  FE ("name", name, G_STRUCT_OFFSET (LxMemberEditor, name_row)),
  FE ("gender", gender, G_STRUCT_OFFSET (LxMemberEditor, gender_row)),
  FE ("birth_date", birth, G_STRUCT_OFFSET (LxMemberEditor, birth_row)),
  FE ("join_date", join, G_STRUCT_OFFSET (LxMemberEditor, join_row)),
  FE ("id_number", id, G_STRUCT_OFFSET (LxMemberEditor, id_row)),
  FE ("phone", phone, G_STRUCT_OFFSET (LxMemberEditor, phone_row)),
  FE ("org_id", org, G_STRUCT_OFFSET (LxMemberEditor, org_row)),
  FE ("role", role, G_STRUCT_OFFSET (LxMemberEditor, role_row)),
  FE (NULL, general, 0),
};
#undef FE

static void
clear_errors (LxMemberEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      gtk_widget_set_visible (G_STRUCT_MEMBER (GtkWidget *, self, fields[i].row), FALSE);
      if (fields[i].entry != 0)
        gtk_widget_remove_css_class (G_STRUCT_MEMBER (GtkWidget *, self, fields[i].entry), "error");
    }
}

/* Shows @message right under the field it is about, and focuses the field. */
static void
show_error (LxMemberEditor *self,
            const char     *field,
            const char     *message)
{
  const FieldError *fe = &fields[G_N_ELEMENTS (fields) - 1];
  GtkLabel *label;

  for (guint i = 0; i < G_N_ELEMENTS (fields) - 1; i++)
    if (g_strcmp0 (field, fields[i].field) == 0)
      fe = &fields[i];

  label = G_STRUCT_MEMBER (GtkLabel *, self, fe->label);
  gtk_label_set_label (label, message);
  gtk_widget_set_visible (G_STRUCT_MEMBER (GtkWidget *, self, fe->row), TRUE);
  if (fe->entry != 0)
    {
      GtkWidget *entry = G_STRUCT_MEMBER (GtkWidget *, self, fe->entry);
      gtk_widget_add_css_class (entry, "error");
      gtk_widget_grab_focus (entry);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

static char *
entry_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static LxMember *
collect (LxMemberEditor  *self,
         GArray         **out_contact_points)
{
  LxMember *m = g_object_new (LX_TYPE_MEMBER, NULL);
  guint org = adw_combo_row_get_selected (self->org_row);
  guint gender = adw_combo_row_get_selected (self->gender_row);
  guint role = adw_combo_row_get_selected (self->role_row);
  guint status = adw_combo_row_get_selected (self->status_row);
  GArray *cps = g_array_new (FALSE, FALSE, sizeof (gint64));

  m->id = self->member != NULL ? self->member->id : 0;
  m->name = entry_text (self->name_row);
  m->birth_date = entry_text (self->birth_row);
  m->join_date = entry_text (self->join_row);
  m->id_number = entry_text (self->id_row);
  m->phone = entry_text (self->phone_row);
  m->gender = g_strdup (gender < G_N_ELEMENTS (genders) ? genders[gender] : NULL);
  m->role = g_strdup (role < G_N_ELEMENTS (roles) ? roles[role] : "member");
  /* A transferred member keeps that status: the editor offers only the
   * two statuses of a member who is here. */
  if (self->member != NULL && g_strcmp0 (self->member->status, "transferred_out") == 0)
    m->status = g_strdup (self->member->status);
  else
    m->status = g_strdup (status < G_N_ELEMENTS (statuses) ? statuses[status] : "full");
  if (org < self->orgs->len)
    m->org_id = ((LxOrganization *)g_ptr_array_index (self->orgs, org))->id;
  m->leading_cadre = gtk_check_button_get_active (self->cadre_check);
  m->party_rep = gtk_check_button_get_active (self->party_rep_check);
  m->npc_deputy = gtk_check_button_get_active (self->npc_check);
  m->cppcc_member = gtk_check_button_get_active (self->cppcc_check);

  for (guint i = 0; i < self->cp_ids->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->cp_checks, i)))
      g_array_append_val (cps, g_array_index (self->cp_ids, gint64, i));
  *out_contact_points = cps;
  return m;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LxMemberEditor *self = LX_MEMBER_EDITOR (widget);
  g_autoptr(GArray) cps = NULL;
  g_autoptr(LxMember) m = collect (self, &cps);
  g_autoptr(GError) error = NULL;
  const char *field = NULL;
  gint64 id;

  clear_errors (self);
  id = lx_member_repo_save (self->store, m, cps, &field, &error);
  if (id == 0)
    {
      show_error (self, field, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_entry_activated (LxMemberEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

/* Choices ---------------------------------------------------------------- */

static void
set_model (AdwComboRow        *row,
           const char * const *labels,
           guint               n)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, labels[i]);
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

static int
org_depth (GPtrArray *orgs,
           guint      index)
{
  gint64 parent = ((LxOrganization *)g_ptr_array_index (orgs, index))->parent_id;
  int depth = 0;

  /* The list is in tree order: a parent always comes before its children. */
  for (guint i = index; parent > 0 && i-- > 0;)
    {
      LxOrganization *o = g_ptr_array_index (orgs, i);
      if (o->id == parent)
        {
          depth++;
          parent = o->parent_id;
        }
    }
  return depth;
}

/* The organizations, indented by depth: "　　第一党支部". */
GtkStringList *
lx_member_editor_org_labels (GPtrArray *orgs)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < orgs->len; i++)
    {
      LxOrganization *o = g_ptr_array_index (orgs, i);
      g_autoptr(GString) label = g_string_new (NULL);

      for (int d = org_depth (orgs, i); d > 0; d--)
        g_string_append (label, "\u3000");
      g_string_append (label, o->name);
      gtk_string_list_append (list, label->str);
    }
  return list;
}

static void
setup_contact_points (LxMemberEditor *self)
{
  g_auto(GStrv) names = NULL;

  self->cp_checks = g_ptr_array_new ();
  if (!lx_member_repo_list_contact_points (self->store, &self->cp_ids, &names, NULL))
    {
      self->cp_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->contact_group), self->cp_ids->len > 0);
  for (guint i = 0; i < self->cp_ids->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), names[i]);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      names[i], -1);
      adw_preferences_group_add (self->contact_group, row);
      g_ptr_array_add (self->cp_checks, check);
    }
}

static void
setup_choices (LxMemberEditor *self)
{
  const char *gender_labels[] = { _("Not recorded"), _("Male"), _("Female") };
  const char *status_labels[] = { lx_member_status_label ("full"),
                                  lx_member_status_label ("probationary") };
  const char *role_labels[G_N_ELEMENTS (roles)];
  g_autoptr(GtkStringList) org_labels = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    role_labels[i] = lx_member_role_label (roles[i]);
  set_model (self->gender_row, gender_labels, G_N_ELEMENTS (gender_labels));
  set_model (self->status_row, status_labels, G_N_ELEMENTS (status_labels));
  set_model (self->role_row, role_labels, G_N_ELEMENTS (role_labels));
  adw_combo_row_set_selected (self->role_row, G_N_ELEMENTS (roles) - 1);

  self->orgs = lx_org_repo_list_tree (self->store, NULL);
  if (self->orgs == NULL)
    self->orgs = g_ptr_array_new_with_free_func (g_object_unref);
  org_labels = lx_member_editor_org_labels (self->orgs);
  adw_combo_row_set_model (self->org_row, G_LIST_MODEL (org_labels));
  setup_contact_points (self);
}

static guint
index_of (const char * const *values,
          guint               n,
          const char         *value)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return 0;
}

static void
select_org (LxMemberEditor *self,
            gint64          org_id)
{
  for (guint i = 0; i < self->orgs->len; i++)
    if (((LxOrganization *)g_ptr_array_index (self->orgs, i))->id == org_id)
      adw_combo_row_set_selected (self->org_row, i);
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
fill (LxMemberEditor *self)
{
  LxMember *m = self->member;
  g_autoptr(GArray) cps = NULL;

  if (m == NULL)
    {
      adw_window_title_set_title (self->window_title, _("New Member"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Member"));
      select_org (self, self->default_org_id);
      return;
    }

  adw_window_title_set_title (self->window_title, _("Edit Member"));
  adw_window_title_set_subtitle (self->window_title, m->name);
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Member"));
  set_entry (self->name_row, m->name);
  set_entry (self->birth_row, m->birth_date);
  set_entry (self->join_row, m->join_date);
  set_entry (self->id_row, m->id_number);
  set_entry (self->phone_row, m->phone);
  adw_combo_row_set_selected (self->gender_row, index_of (genders, G_N_ELEMENTS (genders), m->gender));
  adw_combo_row_set_selected (self->role_row, index_of (roles, G_N_ELEMENTS (roles), m->role));
  adw_combo_row_set_selected (self->status_row,
                              index_of (statuses, G_N_ELEMENTS (statuses), m->status));
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_row),
                            g_strcmp0 (m->status, "transferred_out") != 0);
  select_org (self, m->org_id);
  gtk_check_button_set_active (self->cadre_check, m->leading_cadre);
  gtk_check_button_set_active (self->party_rep_check, m->party_rep);
  gtk_check_button_set_active (self->npc_check, m->npc_deputy);
  gtk_check_button_set_active (self->cppcc_check, m->cppcc_member);

  cps = lx_member_repo_get_contact_points (self->store, m->id, NULL);
  for (guint i = 0; cps != NULL && i < self->cp_ids->len; i++)
    for (guint j = 0; j < cps->len; j++)
      if (g_array_index (cps, gint64, j) == g_array_index (self->cp_ids, gint64, i))
        gtk_check_button_set_active (g_ptr_array_index (self->cp_checks, i), TRUE);
}

/**
 * lx_member_editor_new:
 * @member: (nullable): the member to edit, NULL for a new one
 * @default_org_id: the organization a new member starts in
 */
LxMemberEditor *
lx_member_editor_new (LxStore  *store,
                      LxMember *member,
                      gint64    default_org_id)
{
  LxMemberEditor *self;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  self = g_object_new (LX_TYPE_MEMBER_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->member = member != NULL ? g_object_ref (member) : NULL;
  self->default_org_id = default_org_id;
  setup_choices (self);
  fill (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

static void
lx_member_editor_dispose (GObject *object)
{
  LxMemberEditor *self = LX_MEMBER_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LX_TYPE_MEMBER_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->member);
  g_clear_pointer (&self->orgs, g_ptr_array_unref);
  g_clear_pointer (&self->cp_ids, g_array_unref);
  g_clear_pointer (&self->cp_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (lx_member_editor_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LxMemberEditor, name)

static void
lx_member_editor_class_init (LxMemberEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lx_member_editor_dispose;

  /**
   * LxMemberEditor::saved:
   * @id: the member's id
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/lx-member-editor.ui");
  BIND (window_title);
  BIND (name_row);
  BIND (gender_row);
  BIND (birth_row);
  BIND (join_row);
  BIND (id_row);
  BIND (phone_row);
  BIND (status_row);
  BIND (org_row);
  BIND (role_row);
  BIND (cadre_check);
  BIND (party_rep_check);
  BIND (npc_check);
  BIND (cppcc_check);
  BIND (contact_group);
  BIND (name_error);
  BIND (name_error_label);
  BIND (gender_error);
  BIND (gender_error_label);
  BIND (birth_error);
  BIND (birth_error_label);
  BIND (join_error);
  BIND (join_error_label);
  BIND (id_error);
  BIND (id_error_label);
  BIND (phone_error);
  BIND (phone_error_label);
  BIND (org_error);
  BIND (org_error_label);
  BIND (role_error);
  BIND (role_error_label);
  BIND (general_error);
  BIND (general_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

#undef BIND

static void
lx_member_editor_init (LxMemberEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
