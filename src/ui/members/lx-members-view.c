/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-members-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-member-editor.h"
#include "lx-member-repo.h"
#include "lx-members-view-private.h"
#include "lx-org-repo.h"
#include "lx-repo.h"
#include "lx-ui-util.h"
#include "lx-validate.h"

/* The 党员 view: the organization tree on the left, the member ledger in
 * the middle (an LxMemberList: search and filters run in SQL), the
 * selected member on the right. The dialogs are in lx-members-actions.c. */

G_DEFINE_FINAL_TYPE (LxMembersView, lx_members_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_STORE, PROP_SEARCH, PROP_ADD_LABEL, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* In the order of the role filter, after "Any Role". */
static const char * const roles[] = { "secretary", "deputy", "committee", "group_leader", "member" };

/* The organization tree -------------------------------------------------- */

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  LxMembersView *self = user_data;
  LxOrganization *org = item;
  GListStore *children;

  if (org->id == 0)
    return NULL;
  children = g_list_store_new (LX_TYPE_ORGANIZATION);
  for (guint i = 0; i < self->orgs->len; i++)
    {
      LxOrganization *o = g_ptr_array_index (self->orgs, i);
      if (o->parent_id == org->id)
        g_list_store_append (children, o);
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (children)) == 0)
    g_clear_object (&children);
  return G_LIST_MODEL (children);
}

static void
setup_org_row (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
  gtk_list_item_set_child (item, expander);
}

static void
bind_org_row (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (item));
  LxOrganization *org = gtk_tree_list_row_get_item (row);
  GtkWidget *label = gtk_tree_expander_get_child (expander);

  gtk_tree_expander_set_list_row (expander, row);
  gtk_label_set_label (GTK_LABEL (label), org->name);
  gtk_widget_set_tooltip_text (label, org->id > 0 ? lx_organization_kind_label (org->kind) : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  org->name, -1);
  g_object_unref (org);
}

LxOrganization *
lx_members_view_selected_org (LxMembersView *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->org_selection);

  if (row == NULL)
    return NULL;
  /* The row holds the item: a borrowed pointer is safe while it is selected. */
  {
    LxOrganization *org = gtk_tree_list_row_get_item (row);
    g_object_unref (org);
    return org->id > 0 ? org : NULL;
  }
}

static void apply_filter (LxMembersView *self);

static void
on_org_selected (LxMembersView *self)
{
  LxOrganization *org = lx_members_view_selected_org (self);

  self->filter.org_id = org != NULL ? org->id : 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.rename-org", org != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.delete-org", org != NULL);
  apply_filter (self);
}

static void
select_org_id (LxMembersView *self,
               gint64         id)
{
  GListModel *model = gtk_single_selection_get_model (self->org_selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(LxOrganization) org = gtk_tree_list_row_get_item (row);

      if (org->id == id)
        {
          gtk_single_selection_set_selected (self->org_selection, i);
          return;
        }
    }
  gtk_single_selection_set_selected (self->org_selection, 0);
}

static void
reload_orgs (LxMembersView *self)
{
  g_autoptr(LxOrganization) all = g_object_new (LX_TYPE_ORGANIZATION, NULL);
  gint64 selected = self->filter.org_id;

  g_clear_pointer (&self->orgs, g_ptr_array_unref);
  self->orgs = lx_org_repo_list_tree (self->store, NULL);
  if (self->orgs == NULL)
    self->orgs = g_ptr_array_new_with_free_func (g_object_unref);

  all->name = g_strdup (_("All Organizations"));
  g_list_store_remove_all (self->org_roots);
  g_list_store_append (self->org_roots, all);
  for (guint i = 0; i < self->orgs->len; i++)
    {
      LxOrganization *o = g_ptr_array_index (self->orgs, i);
      if (o->parent_id == 0)
        g_list_store_append (self->org_roots, o);
    }
  select_org_id (self, selected);
}

static void
setup_org_tree (LxMembersView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkTreeListModel *tree;

  self->org_roots = g_list_store_new (LX_TYPE_ORGANIZATION);
  tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->org_roots)), FALSE, TRUE,
                                  create_children, self, NULL);
  self->org_selection = gtk_single_selection_new (G_LIST_MODEL (tree));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_org_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_org_row), NULL);
  gtk_list_view_set_factory (self->org_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->org_view, GTK_SELECTION_MODEL (self->org_selection));
  reload_orgs (self);
  g_signal_connect_swapped (self->org_selection, "notify::selected",
                            G_CALLBACK (on_org_selected), self);
  g_signal_connect_object (self->store, "changed::organization", G_CALLBACK (reload_orgs), self,
                           G_CONNECT_SWAPPED);
}

/* Ledger columns --------------------------------------------------------- */

typedef enum
{
  COLUMN_NAME,
  COLUMN_ORG,
  COLUMN_ROLE,
  COLUMN_CADRE,
  COLUMN_REP,
  COLUMN_CONTACT,
  COLUMN_PAIRING,
  COLUMN_PHONE,
} Column;

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (GPOINTER_TO_INT (user_data) == COLUMN_PAIRING || GPOINTER_TO_INT (user_data) == COLUMN_PHONE)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static char *
cell_text (LxMemberRow *row,
           Column       column)
{
  LxMember *m = row->member;

  switch (column)
    {
    case COLUMN_NAME:
      if (g_strcmp0 (m->status, "transferred_out") == 0)
        return g_strdup_printf (_("%s (transferred out)"), m->name);
      return g_strdup (m->name);
    case COLUMN_ORG:
      return g_strdup (row->org_name);
    case COLUMN_ROLE:
      return g_strdup (lx_member_role_label (m->role));
    case COLUMN_CADRE:
      return g_strdup (m->leading_cadre ? "✓" : "");
    case COLUMN_REP:
      return lx_member_row_dup_representative (row);
    case COLUMN_CONTACT:
      return g_strdup (row->contact_points);
    case COLUMN_PAIRING:
      /* Translators: households paired now / the quota, "2 / 3" */
      return g_strdup_printf (_("%d / %d"), row->paired, row->quota);
    case COLUMN_PHONE:
      return m->phone != NULL ? lx_mask_phone (m->phone) : NULL;
    default:
      g_assert_not_reached ();
    }
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  LxMemberRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  Column column = GPOINTER_TO_INT (user_data);
  g_autofree char *text = cell_text (row, column);

  gtk_label_set_label (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_tooltip_text (label, text);
  /* Behind quota shows in the warning colour, as on the pairing board. */
  if (column == COLUMN_PAIRING && row->paired < row->quota &&
      g_strcmp0 (row->member->status, "transferred_out") != 0)
    gtk_widget_add_css_class (label, "warning");
  else
    gtk_widget_remove_css_class (label, "warning");
  if (column == COLUMN_NAME && g_strcmp0 (row->member->status, "transferred_out") == 0)
    gtk_widget_add_css_class (label, "dim-label");
  else if (column == COLUMN_NAME)
    gtk_widget_remove_css_class (label, "dim-label");
}

static void
add_column (LxMembersView *self,
            const char    *title,
            Column         column,
            int            width,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_column_set_expand (col, expand);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (col, width);
  gtk_column_view_append_column (self->column_view, col);
  g_object_unref (col);
}

static void
setup_columns (LxMembersView *self)
{
  add_column (self, _("Member Name"), COLUMN_NAME, 84, FALSE);
  add_column (self, _("Party Branch"), COLUMN_ORG, 120, TRUE);
  add_column (self, _("Role"), COLUMN_ROLE, 84, FALSE);
  add_column (self, _("Leading Cadre"), COLUMN_CADRE, 56, FALSE);
  add_column (self, _("Representative"), COLUMN_REP, 72, FALSE);
  add_column (self, _("Contact Points"), COLUMN_CONTACT, 96, FALSE);
  add_column (self, _("Paired / Quota"), COLUMN_PAIRING, 64, FALSE);
  add_column (self, _("Phone"), COLUMN_PHONE, 104, FALSE);
}

/* Detail pane ------------------------------------------------------------ */

static void
set_row_text (AdwActionRow *row,
              const char   *text)
{
  adw_action_row_set_subtitle (row, text != NULL && *text != '\0' ? text : "—");
}

static void
set_row_date (AdwActionRow *row,
              const char   *iso)
{
  g_autofree char *text = lx_format_date (iso);

  set_row_text (row, text);
}

static void
update_private_rows (LxMembersView *self)
{
  LxMember *m = self->current != NULL ? self->current->member : NULL;
  gboolean reveal = gtk_toggle_button_get_active (self->reveal_button);
  g_autofree char *phone = NULL;
  g_autofree char *id = NULL;

  if (m == NULL)
    return;
  phone = m->phone == NULL || reveal ? g_strdup (m->phone) : lx_mask_phone (m->phone);
  id = m->id_number == NULL || reveal ? g_strdup (m->id_number) : lx_mask_id_number (m->id_number);
  set_row_text (self->phone_row, phone);
  set_row_text (self->id_row, id);
}

static void
on_reveal_toggled (LxMembersView *self)
{
  update_private_rows (self);
}

static void
show_transfer (LxMembersView *self,
               LxMemberRow   *row)
{
  g_autofree char *date = lx_format_date (row->transferred_on);
  g_autofree char *text = NULL;
  gboolean out = g_strcmp0 (row->member->status, "transferred_out") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->transfer_row), out);
  if (!out)
    return;
  /* Translators: where and when a member's membership was transferred, "市财政局 (2026年11月20日)" */
  text = g_strdup_printf (_("%s (%s)"), row->transferred_to ? row->transferred_to : "—", date);
  set_row_text (self->transfer_row, text);
}

static void
show_detail (LxMembersView *self,
             LxMemberRow   *row)
{
  g_autofree char *org = NULL;
  g_autofree char *rep = NULL;
  g_autofree char *pairing = NULL;
  const char *gender;
  gboolean here = row != NULL && g_strcmp0 (row->member->status, "transferred_out") != 0;

  g_set_object (&self->current, row);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.edit", row != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.delete", row != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.move", here);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.transfer", here);
  if (row == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  gtk_label_set_label (self->detail_name, row->member->name);
  org = g_strdup_printf ("%s · %s", row->org_name ? row->org_name : "—",
                         lx_member_role_label (row->member->role));
  gtk_label_set_label (self->detail_org, org);
  gtk_toggle_button_set_active (self->reveal_button, FALSE);
  update_private_rows (self);
  gender = g_strcmp0 (row->member->gender, "male") == 0 ? _("Male")
           : g_strcmp0 (row->member->gender, "female") == 0 ? _("Female") : NULL;
  set_row_text (self->gender_row, gender);
  set_row_date (self->birth_row, row->member->birth_date);
  set_row_date (self->join_row, row->member->join_date);
  set_row_text (self->status_row, lx_member_status_label (row->member->status));
  show_transfer (self, row);
  set_row_text (self->role_row, lx_member_role_label (row->member->role));
  set_row_text (self->cadre_row, row->member->leading_cadre ? _("Yes") : _("No"));
  rep = lx_member_row_dup_representative (row);
  set_row_text (self->rep_row, rep);
  set_row_text (self->contact_row, row->contact_points);
  pairing = g_strdup_printf (_("%d of a quota of %d"), row->paired, row->quota);
  set_row_text (self->pairing_row, pairing);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

static void
on_selection_changed (LxMembersView *self)
{
  LxMemberRow *row = gtk_single_selection_get_selected_item (self->selection);

  if (row != NULL)
    self->keep_id = row->member->id;
  show_detail (self, row);
}

void
lx_members_view_select_member (LxMembersView *self,
                               gint64         id)
{
  guint pos = lx_id_list_find (LX_ID_LIST (self->list), id);

  if (pos == G_MAXUINT)
    {
      self->keep_id = 0;
      show_detail (self, NULL);
      return;
    }
  gtk_single_selection_set_selected (self->selection, pos);
  gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u", pos);
}

/* Filters and counts ----------------------------------------------------- */

static void
update_count (LxMembersView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member",
                                                        "%u members", n), n);
  gboolean filtered = (self->filter.search != NULL && *self->filter.search != '\0') ||
                      self->filter.org_id > 0 || self->filter.role != NULL ||
                      self->filter.leading_cadres || self->filter.representatives;

  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
  adw_status_page_set_description (self->empty_page,
                                   filtered ? _("Try another search or fewer filters")
                                            : _("Add the first member with the Add button"));
}

/* Every committed change reloads the list (and drops its selection): the
 * member shown is selected again, read afresh. */
static void
on_items_changed (LxMembersView *self)
{
  update_count (self);
  if (self->keep_id > 0)
    lx_members_view_select_member (self, self->keep_id);
}

static void
apply_filter (LxMembersView *self)
{
  lx_member_list_set_filter (self->list, &self->filter);
}

static void
on_filter_changed (LxMembersView *self)
{
  guint role = gtk_drop_down_get_selected (self->role_dropdown);

  g_clear_pointer (&self->filter.role, g_free);
  if (role > 0 && role <= G_N_ELEMENTS (roles))
    self->filter.role = g_strdup (roles[role - 1]);
  self->filter.leading_cadres = gtk_toggle_button_get_active (self->cadres_toggle);
  self->filter.representatives = gtk_toggle_button_get_active (self->reps_toggle);
  self->filter.include_transferred = gtk_check_button_get_active (self->transferred_check);
  apply_filter (self);
}

static void
setup_filters (LxMembersView *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Any Role"));
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    gtk_string_list_append (list, lx_member_role_label (roles[i]));
  gtk_drop_down_set_model (self->role_dropdown, G_LIST_MODEL (list));
  g_signal_connect_swapped (self->role_dropdown, "notify::selected",
                            G_CALLBACK (on_filter_changed), self);
}

/* Public ----------------------------------------------------------------- */

LxWindow *
lx_members_view_get_window (LxMembersView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return LX_IS_WINDOW (root) ? LX_WINDOW (root) : NULL;
}

static void
on_editor_saved (LxMembersView  *self,
                 gint64          id,
                 LxMemberEditor *editor)
{
  LxWindow *window = lx_members_view_get_window (self);
  g_autoptr(LxMember) m = lx_repo_get_member (self->store, id, NULL);

  self->keep_id = id;
  lx_members_view_select_member (self, id);
  if (window != NULL && m != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Saved %s"), m->name);
      lx_window_show_toast (window, adw_toast_new (title));
    }
}

void
lx_members_view_open_editor (LxMembersView *self,
                             LxMember      *member)
{
  LxOrganization *org = lx_members_view_selected_org (self);
  LxMemberEditor *editor = lx_member_editor_new (self->store, member, org ? org->id : 0);

  gtk_window_set_transient_for (GTK_WINDOW (editor),
                                GTK_WINDOW (lx_members_view_get_window (self)));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

void
lx_members_view_add (LxMembersView *self)
{
  g_return_if_fail (LX_IS_MEMBERS_VIEW (self));
  lx_members_view_open_editor (self, NULL);
}

static void
on_row_activated (LxMembersView *self,
                  guint          position)
{
  g_autoptr(LxMemberRow) row = g_list_model_get_item (G_LIST_MODEL (self->list), position);

  if (row != NULL)
    lx_members_view_open_editor (self, row->member);
}

void
lx_members_view_set_search (LxMembersView *self,
                            const char    *search)
{
  g_return_if_fail (LX_IS_MEMBERS_VIEW (self));

  if (g_strcmp0 (self->filter.search, search) == 0)
    return;
  g_free (self->filter.search);
  self->filter.search = g_strdup (search);
  apply_filter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

LxMembersView *
lx_members_view_new (LxStore *store)
{
  return g_object_new (LX_TYPE_MEMBERS_VIEW, "store", store, NULL);
}

static void
lx_members_view_constructed (GObject *object)
{
  LxMembersView *self = LX_MEMBERS_VIEW (object);

  G_OBJECT_CLASS (lx_members_view_parent_class)->constructed (object);

  self->list = lx_member_list_new (self->store);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selection_changed), self);
  g_signal_connect_swapped (self->list, "items-changed", G_CALLBACK (on_items_changed), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  setup_columns (self);
  setup_filters (self);
  setup_org_tree (self);
  update_count (self);
  show_detail (self, NULL);
}

static void
lx_members_view_dispose (GObject *object)
{
  LxMembersView *self = LX_MEMBERS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LX_TYPE_MEMBERS_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->org_selection);
  g_clear_object (&self->org_roots);
  g_clear_object (&self->current);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lx_members_view_parent_class)->dispose (object);
}

static void
lx_members_view_finalize (GObject *object)
{
  LxMembersView *self = LX_MEMBERS_VIEW (object);

  lx_member_filter_clear (&self->filter);
  g_clear_pointer (&self->orgs, g_ptr_array_unref);

  G_OBJECT_CLASS (lx_members_view_parent_class)->finalize (object);
}

static void
lx_members_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LxMembersView *self = LX_MEMBERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->filter.search);
      break;
    case PROP_ADD_LABEL:
      g_value_set_string (value, _("Add a member"));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lx_members_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LxMembersView *self = LX_MEMBERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SEARCH:
      lx_members_view_set_search (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LxMembersView, name)

static void
lx_members_view_class_init (LxMembersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lx_members_view_constructed;
  object_class->dispose = lx_members_view_dispose;
  object_class->finalize = lx_members_view_finalize;
  object_class->get_property = lx_members_view_get_property;
  object_class->set_property = lx_members_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LX_TYPE_STORE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADD_LABEL] =
    g_param_spec_string ("add-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/lx-members-view.ui");
  BIND (role_dropdown);
  BIND (cadres_toggle);
  BIND (reps_toggle);
  BIND (transferred_check);
  BIND (count_label);
  BIND (org_view);
  BIND (list_stack);
  BIND (column_view);
  BIND (empty_page);
  BIND (detail_stack);
  BIND (detail_name);
  BIND (detail_org);
  BIND (phone_row);
  BIND (id_row);
  BIND (reveal_button);
  BIND (gender_row);
  BIND (birth_row);
  BIND (join_row);
  BIND (status_row);
  BIND (transfer_row);
  BIND (role_row);
  BIND (cadre_row);
  BIND (rep_row);
  BIND (contact_row);
  BIND (pairing_row);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_reveal_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);

  lx_members_view_install_actions (widget_class);
}

#undef BIND

static void
lx_members_view_init (LxMembersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
