/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-service-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lx-date.h"
#include "lx-repo.h"
#include "lx-service-view-private.h"
#include "lx-window.h"

/* 服务: twinning, pledges, zones, posts and service teams, one page each.
 * The lists are small (tens of rows), so each page is a GtkListBox rebuilt
 * from the repository whenever one of its tables changes. */

G_DEFINE_FINAL_TYPE (LxServiceView, lx_service_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_STORE, PROP_YEAR, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const char * const twinning_kinds[] = { "double_pairing", "joint_building" };

/* Shared helpers --------------------------------------------------------- */

GtkWidget *
lx_service_button (const char    *icon_name,
                   const char    *label,
                   GCallback      callback,
                   LxServiceView *self,
                   gint64         id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "lx-id", GSIZE_TO_POINTER ((gsize)id));
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

gint64
lx_service_button_id (gpointer button)
{
  return (gint64)GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "lx-id"));
}

void
lx_service_show_error (LxServiceView *self,
                       const GError  *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (LX_IS_WINDOW (root))
    lx_window_show_toast (LX_WINDOW (root), adw_toast_new (error->message));
  else
    g_warning ("%s", error->message);
}

typedef struct
{
  LxStore  *store;
  UndoKind  kind;
  gpointer  record;
} UndoData;

static void
undo_data_free (gpointer data)
{
  UndoData *undo = data;

  switch (undo->kind)
    {
    case UNDO_TWINNING: lx_twinning_free (undo->record); break;
    case UNDO_TWINNING_ACTIVITY: lx_twinning_activity_free (undo->record); break;
    case UNDO_PLEDGE: lx_pledge_free (undo->record); break;
    case UNDO_ZONE: lx_zone_assignment_free (undo->record); break;
    case UNDO_POST: lx_post_free (undo->record); break;
    case UNDO_TEAM: lx_service_team_free (undo->record); break;
    case UNDO_VOLUNTEER_ACTIVITY: lx_volunteer_activity_free (undo->record); break;
    default: g_assert_not_reached ();
    }
  g_object_unref (undo->store);
  g_free (undo);
}

static gboolean
undo_restore (UndoData  *undo,
              GError   **error)
{
  switch (undo->kind)
    {
    case UNDO_TWINNING: return lx_service_restore_twinning (undo->store, undo->record, error);
    case UNDO_TWINNING_ACTIVITY:
      return lx_service_restore_twinning_activity (undo->store, undo->record, error);
    case UNDO_PLEDGE: return lx_service_restore_pledge (undo->store, undo->record, error);
    case UNDO_ZONE:
      {
        LxZoneAssignment *z = undo->record;
        return lx_service_assign_zone (undo->store, z->member_id, z->zone_id, error);
      }
    case UNDO_POST: return lx_service_restore_post (undo->store, undo->record, error);
    case UNDO_TEAM: return lx_service_restore_team (undo->store, undo->record, error);
    case UNDO_VOLUNTEER_ACTIVITY:
      return lx_service_restore_volunteer_activity (undo->store, undo->record, error);
    default: g_assert_not_reached ();
    }
  return FALSE;
}

static void
on_undo (AdwToast *toast,
         UndoData *undo)
{
  g_autoptr(GError) error = NULL;

  if (!undo_restore (undo, &error))
    g_warning ("Cannot undo the deletion: %s", error->message);
}

/* Takes @record. */
void
lx_service_undo_toast (LxServiceView *self,
                       const char    *title,
                       UndoKind       kind,
                       gpointer       record)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  UndoData *undo = g_new0 (UndoData, 1);
  AdwToast *toast = adw_toast_new (title);

  undo->store = g_object_ref (self->store);
  undo->kind = kind;
  undo->record = record;
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo), undo,
                         (GClosureNotify)(void (*) (void))undo_data_free, 0);
  if (LX_IS_WINDOW (root))
    lx_window_show_toast (LX_WINDOW (root), toast);
  else
    g_object_unref (toast);
}

GStrv
lx_service_member_labels (LxServiceView *self,
                          const char    *none_label)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (none_label != NULL)
    g_strv_builder_add (builder, none_label);
  for (guint i = 0; self->members != NULL && i < self->members->len; i++)
    g_strv_builder_add (builder, LX_MEMBER (self->members->pdata[i])->name);
  return g_strv_builder_end (builder);
}

guint
lx_service_member_index (LxServiceView *self,
                         gint64         member_id)
{
  for (guint i = 0; self->members != NULL && i < self->members->len; i++)
    if (LX_MEMBER (self->members->pdata[i])->id == member_id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

gint64
lx_service_member_at (LxServiceView *self,
                      guint          index)
{
  if (self->members == NULL || index >= self->members->len)
    return 0;
  return LX_MEMBER (self->members->pdata[index])->id;
}

/* Members typed as names separated by 、 , ， ; or spaces. */
gboolean
lx_service_parse_members (LxServiceView  *self,
                          const char     *text,
                          GArray         *ids,
                          const char    **out_field,
                          GError        **error)
{
  g_autofree char *copy = g_strdup (text);
  g_auto(GStrv) names = NULL;
  char *p;

  /* Fold the Chinese separators into a comma first. */
  while ((p = strstr (copy, "、")) != NULL || (p = strstr (copy, "，")) != NULL ||
         (p = strstr (copy, "；")) != NULL)
    memcpy (p, ",  ", 3);
  names = g_strsplit_set (copy, ",; ", -1);
  g_array_set_size (ids, 0);
  for (guint i = 0; names[i] != NULL; i++)
    {
      gint64 id = 0;

      if (*names[i] == '\0')
        continue;
      for (guint k = 0; id == 0 && self->members != NULL && k < self->members->len; k++)
        if (g_strcmp0 (LX_MEMBER (self->members->pdata[k])->name, names[i]) == 0)
          id = LX_MEMBER (self->members->pdata[k])->id;
      if (id == 0)
        {
          if (out_field != NULL)
            *out_field = "member_ids";
          g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                       _("Members: there is no member named “%s”"), names[i]);
          return FALSE;
        }
      g_array_append_val (ids, id);
    }
  return TRUE;
}

char *
lx_service_member_names (LxServiceView *self,
                         GArray        *ids)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      guint index = lx_service_member_index (self, g_array_index (ids, gint64, i));

      if (index == GTK_INVALID_LIST_POSITION)
        continue;
      if (s->len > 0)
        g_string_append (s, "、");
      g_string_append (s, LX_MEMBER (self->members->pdata[index])->name);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* "2024-03-08 – 2025-03-07", "since 2024-03-08" or "". */
char *
lx_service_format_period (const char *start_on,
                          const char *end_on)
{
  if (start_on != NULL && end_on != NULL)
    return g_strdup_printf ("%s – %s", start_on, end_on);
  if (start_on != NULL)
    return g_strdup_printf (_("since %s"), start_on);
  if (end_on != NULL)
    return g_strdup_printf (_("until %s"), end_on);
  return g_strdup ("");
}

void
lx_service_clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

void
lx_service_empty_row (GtkListBox *list,
                      const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

int
lx_service_choice_index (const char * const *codes,
              guint               n,
              const char         *code)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (codes[i], code) == 0)
      return (int)i;
  return 0;
}

SaveCtx *
lx_service_save_ctx_new (LxServiceView *self,
                         gint64         id,
                         gint64         parent_id)
{
  SaveCtx *ctx = g_new0 (SaveCtx, 1);

  ctx->self = g_object_ref (self);
  ctx->id = id;
  ctx->parent_id = parent_id;
  return ctx;
}

void
lx_service_save_ctx_free (gpointer data)
{
  SaveCtx *ctx = data;

  g_object_unref (ctx->self);
  g_free (ctx);
}

/* Twinning ---------------------------------------------------------------- */

static GStrv
org_labels (LxServiceView *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; self->orgs != NULL && i < self->orgs->len; i++)
    g_strv_builder_add (builder, LX_ORGANIZATION (self->orgs->pdata[i])->name);
  return g_strv_builder_end (builder);
}

static gboolean
save_twinning (LxServiceEditor  *editor,
               gpointer          data,
               const char      **out_field,
               GError          **error)
{
  SaveCtx *ctx = data;
  g_autoptr(LxTwinning) t = lx_twinning_new ();
  guint org = lx_service_editor_get_choice (editor, "org_id");

  t->id = ctx->id;
  if (ctx->self->orgs != NULL && org < ctx->self->orgs->len)
    t->org_id = LX_ORGANIZATION (ctx->self->orgs->pdata[org])->id;
  t->partner = lx_service_editor_get_text (editor, "partner");
  t->kind = g_strdup (twinning_kinds[MIN (lx_service_editor_get_choice (editor, "kind"), 1)]);
  t->start_on = lx_service_editor_get_text (editor, "start_on");
  t->end_on = lx_service_editor_get_text (editor, "end_on");
  t->agreement = lx_service_editor_get_text (editor, "agreement");
  return lx_service_save_twinning (ctx->self->store, t, out_field, error) != 0;
}

static void
edit_twinning (LxServiceView *self,
               LxTwinning    *t)
{
  LxServiceEditor *editor = lx_service_editor_new (GTK_WIDGET (self),
                                                   t != NULL ? _("Edit Twinning") : _("New Twinning"),
                                                   save_twinning,
                                                   lx_service_save_ctx_new (self, t != NULL ? t->id : 0, 0),
                                                   lx_service_save_ctx_free);
  g_auto(GStrv) orgs = org_labels (self);
  g_auto(GStrv) kinds = NULL;
  g_autofree char *today = lx_date_today ();
  guint org = 0;
  const char *kind_labels[] = { lx_twinning_kind_label (twinning_kinds[0]),
                                lx_twinning_kind_label (twinning_kinds[1]), NULL };

  kinds = g_strdupv ((char **)kind_labels);
  for (guint i = 0; t != NULL && self->orgs != NULL && i < self->orgs->len; i++)
    if (LX_ORGANIZATION (self->orgs->pdata[i])->id == t->org_id)
      org = i;
  lx_service_editor_add_choice (editor, "org_id", _("Our Organization"), orgs, org);
  lx_service_editor_add_entry (editor, "partner", _("Partner Organization"), t ? t->partner : NULL);
  lx_service_editor_add_choice (editor, "kind", _("Kind"), kinds,
                                t ? lx_service_choice_index (twinning_kinds, 2, t->kind) : 0);
  lx_service_editor_add_entry (editor, "start_on", _("Start Date"), t ? t->start_on : today);
  lx_service_editor_add_entry (editor, "end_on", _("End Date (optional)"), t ? t->end_on : NULL);
  lx_service_editor_add_entry (editor, "agreement", _("Agreement"), t ? t->agreement : NULL);
  gtk_window_present (GTK_WINDOW (editor));
}

static gboolean
save_twinning_activity (LxServiceEditor  *editor,
                        gpointer          data,
                        const char      **out_field,
                        GError          **error)
{
  SaveCtx *ctx = data;
  g_autoptr(LxTwinningActivity) a = lx_twinning_activity_new ();

  a->id = ctx->id;
  a->twinning_id = ctx->parent_id;
  a->happened_on = lx_service_editor_get_text (editor, "happened_on");
  a->title = lx_service_editor_get_text (editor, "title");
  a->notes = lx_service_editor_get_text (editor, "notes");
  return lx_service_save_twinning_activity (ctx->self->store, a, out_field, error) != 0;
}

static void
on_add_twinning_activity (GtkButton     *button,
                          LxServiceView *self)
{
  LxServiceEditor *editor = lx_service_editor_new (GTK_WIDGET (self), _("New Joint Activity"),
                                                   save_twinning_activity,
                                                   lx_service_save_ctx_new (self, 0, lx_service_button_id (button)),
                                                   lx_service_save_ctx_free);
  g_autofree char *today = lx_date_today ();

  lx_service_editor_add_entry (editor, "happened_on", _("Date"), today);
  lx_service_editor_add_entry (editor, "title", _("Title"), NULL);
  lx_service_editor_add_entry (editor, "notes", _("Notes"), NULL);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_edit_twinning (GtkButton     *button,
                  LxServiceView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = lx_service_list_twinnings (self->store, &error);
  gint64 id = lx_service_button_id (button);

  for (guint i = 0; list != NULL && i < list->len; i++)
    if (((LxTwinning *)list->pdata[i])->id == id)
      edit_twinning (self, list->pdata[i]);
}

static void
on_delete_twinning (GtkButton     *button,
                    LxServiceView *self)
{
  g_autoptr(GError) error = NULL;
  LxTwinning *t = NULL;
  g_autofree char *title = NULL;

  if (!lx_service_delete_twinning (self->store, lx_service_button_id (button), &t, &error))
    {
      lx_service_show_error (self, error);
      return;
    }
  title = g_strdup_printf (_("Twinning with “%s” deleted"), t->partner);
  lx_service_undo_toast (self, title, UNDO_TWINNING, t);
}

static void
on_delete_twinning_activity (GtkButton     *button,
                             LxServiceView *self)
{
  g_autoptr(GError) error = NULL;
  LxTwinningActivity *a = NULL;
  g_autofree char *title = NULL;

  if (!lx_service_delete_twinning_activity (self->store, lx_service_button_id (button), &a, &error))
    {
      lx_service_show_error (self, error);
      return;
    }
  title = g_strdup_printf (_("Activity “%s” deleted"), a->title);
  lx_service_undo_toast (self, title, UNDO_TWINNING_ACTIVITY, a);
}

GtkWidget *
lx_service_plain_row (const char *title,
                      const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
twinning_row (LxServiceView *self,
              LxTwinning    *t)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *period = lx_service_format_period (t->start_on, t->end_on);
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;

  subtitle = g_strdup_printf ("%s · %s · %s", lx_twinning_kind_label (t->kind), t->org_name, period);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), t->partner);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  label = g_strdup_printf (_("Add a joint activity with “%s”"), t->partner);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               lx_service_button ("list-add-symbolic", label,
                                                  G_CALLBACK (on_add_twinning_activity), self, t->id));
  g_free (label);
  label = g_strdup_printf (_("Edit “%s”"), t->partner);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               lx_service_button ("document-edit-symbolic", label,
                                                  G_CALLBACK (on_edit_twinning), self, t->id));
  g_free (label);
  label = g_strdup_printf (_("Delete “%s”"), t->partner);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               lx_service_button ("user-trash-symbolic", label,
                                                  G_CALLBACK (on_delete_twinning), self, t->id));
  if (t->agreement != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), lx_service_plain_row (_("Agreement"), t->agreement));
  for (guint i = 0; i < t->activities->len; i++)
    {
      LxTwinningActivity *a = g_ptr_array_index (t->activities, i);
      g_autofree char *sub = a->notes != NULL ? g_strdup_printf ("%s · %s", a->happened_on, a->notes)
                                              : g_strdup (a->happened_on);
      GtkWidget *child = lx_service_plain_row (a->title, sub);
      g_autofree char *del = g_strdup_printf (_("Delete “%s”"), a->title);

      adw_action_row_add_suffix (ADW_ACTION_ROW (child),
                                 lx_service_button ("user-trash-symbolic", del,
                                                    G_CALLBACK (on_delete_twinning_activity), self, a->id));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
    }
  return row;
}

static void
fill_twinning (LxServiceView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = lx_service_list_twinnings (self->store, &error);
  g_autoptr(GPtrArray) summary = NULL;
  g_autofree char *text = NULL;
  int activities = 0;

  lx_service_clear_list (self->lists[PAGE_TWINNING]);
  if (list == NULL || !(summary = lx_service_twinning_summary (self->store, self->year, &error)))
    {
      lx_service_empty_row (self->lists[PAGE_TWINNING], error->message);
      return;
    }
  for (guint i = 0; i < summary->len; i++)
    activities += ((LxTwinningSummary *)summary->pdata[i])->activities;
  text = g_strdup_printf (_("%d partner organizations, %d joint activities in %d"),
                          (int)list->len, activities, self->year);
  gtk_label_set_text (self->summaries[PAGE_TWINNING], text);
  for (guint i = 0; i < list->len; i++)
    gtk_list_box_append (self->lists[PAGE_TWINNING], twinning_row (self, list->pdata[i]));
  if (list->len == 0)
    lx_service_empty_row (self->lists[PAGE_TWINNING], _("No twinning yet"));
}

/* The view ----------------------------------------------------------------- */

static void
reload (LxServiceView *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->orgs, g_ptr_array_unref);
  g_clear_pointer (&self->zones, g_ptr_array_unref);
  self->members = lx_repo_list_members (self->store, 0, &error);
  g_clear_error (&error);
  self->orgs = lx_repo_list_organizations (self->store, &error);
  g_clear_error (&error);
  self->zones = lx_repo_list_zones (self->store, &error);
  fill_twinning (self);
  lx_service_fill_pledges (self);
  lx_service_fill_zones (self);
  lx_service_fill_posts (self);
  lx_service_fill_teams (self);
}

static gboolean
reload_idle (gpointer data)
{
  LxServiceView *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* Several tables change in one edit: rebuild once, when idle. */
static void
queue_reload (LxServiceView *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle, self);
}

static void
on_add_clicked (GtkButton     *button,
                LxServiceView *self)
{
  switch ((ServicePage)lx_service_button_id (button))
    {
    case PAGE_TWINNING: edit_twinning (self, NULL); break;
    case PAGE_PLEDGES: lx_service_add_pledge (self); break;
    case PAGE_ZONES: lx_service_add_zone (self); break;
    case PAGE_POSTS: lx_service_add_post (self); break;
    case PAGE_TEAMS: lx_service_add_team (self); break;
    case N_PAGES:
    default: g_assert_not_reached ();
    }
}

static void
add_page (LxServiceView *self,
          ServicePage    page,
          const char    *name,
          const char    *title,
          const char    *icon_name,
          const char    *add_label)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *summary = gtk_label_new (NULL);
  GtkWidget *add = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_widget_set_hexpand (summary, TRUE);
  gtk_widget_add_css_class (summary, "dim-label");
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), add_label);
  gtk_button_set_child (GTK_BUTTON (add), content);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
  g_object_set_data (G_OBJECT (add), "lx-id", GSIZE_TO_POINTER ((gsize)page));
  g_signal_connect_object (add, "clicked", G_CALLBACK (on_add_clicked), self, 0);
  gtk_box_append (GTK_BOX (top), summary);
  gtk_box_append (GTK_BOX (top), add);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), list);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 24);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  adw_view_stack_add_titled_with_icon (self->stack, scrolled, name, title, icon_name);
  self->lists[page] = GTK_LIST_BOX (list);
  self->summaries[page] = GTK_LABEL (summary);
}

static void
lx_service_view_constructed (GObject *object)
{
  LxServiceView *self = LX_SERVICE_VIEW (object);
  static const char * const tables[] = {
    "twinning", "twinning_activity", "pledge", "zone", "member_zone", "post", "service_team",
    "service_team_member", "volunteer_activity", "member", "organization",
  };

  G_OBJECT_CLASS (lx_service_view_parent_class)->constructed (object);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *signal = g_strdup_printf ("changed::%s", tables[i]);
      g_signal_connect_object (self->store, signal, G_CALLBACK (queue_reload), self, G_CONNECT_SWAPPED);
    }
  reload (self);
}

static void
lx_service_view_dispose (GObject *object)
{
  LxServiceView *self = LX_SERVICE_VIEW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LX_TYPE_SERVICE_VIEW);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->orgs, g_ptr_array_unref);
  g_clear_pointer (&self->zones, g_ptr_array_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (lx_service_view_parent_class)->dispose (object);
}

static void
lx_service_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LxServiceView *self = LX_SERVICE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_YEAR: g_value_set_int (value, self->year); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lx_service_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LxServiceView *self = LX_SERVICE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_YEAR:
      if (self->year != g_value_get_int (value))
        {
          self->year = g_value_get_int (value);
          if (self->store != NULL)
            queue_reload (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lx_service_view_class_init (LxServiceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lx_service_view_constructed;
  object_class->dispose = lx_service_view_dispose;
  object_class->get_property = lx_service_view_get_property;
  object_class->set_property = lx_service_view_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, LX_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 1949, 9999, 2026,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                            G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lianxin/Lianxin/ui/lx-service-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LxServiceView, stack);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lx_service_view_init (LxServiceView *self)
{
  self->year = lx_date_current_year ();
  gtk_widget_init_template (GTK_WIDGET (self));
  add_page (self, PAGE_TWINNING, "twinning", _("Twinning"), "emblem-shared-symbolic",
            _("Add Twinning"));
  add_page (self, PAGE_PLEDGES, "pledges", _("Pledges"), "emblem-ok-symbolic", _("Add a Pledge"));
  add_page (self, PAGE_ZONES, "zones", _("Zones"), "mark-location-symbolic",
            _("Assign a Zone"));
  add_page (self, PAGE_POSTS, "posts", _("Posts"), "starred-symbolic", _("Add a Post"));
  add_page (self, PAGE_TEAMS, "teams", _("Teams"), "system-users-symbolic", _("Add a Team"));
}

LxServiceView *
lx_service_view_new (LxStore *store)
{
  g_return_val_if_fail (LX_IS_STORE (store), NULL);
  return g_object_new (LX_TYPE_SERVICE_VIEW, "store", store, NULL);
}
