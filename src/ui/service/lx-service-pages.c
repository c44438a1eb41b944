/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-service-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-date.h"
#include "lx-repo.h"
#include "lx-service-view-private.h"

/* The Zones, Posts and Teams pages of the Service view. */

static const char * const post_kinds[] = { "vanguard", "model" };

static GtkWidget *
expander (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_expander_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  return row;
}

/* Zones ------------------------------------------------------------------- */

static gboolean
save_zone (LxServiceEditor  *editor,
           gpointer          data,
           const char      **out_field,
           GError          **error)
{
  SaveCtx *ctx = data;
  guint zone = lx_service_editor_get_choice (editor, "zone_id");
  gint64 zone_id = 0;
  g_autoptr(GError) local_error = NULL;

  if (ctx->self->zones != NULL && zone < ctx->self->zones->len)
    zone_id = LX_ZONE (ctx->self->zones->pdata[zone])->id;
  if (lx_service_assign_zone (ctx->self->store,
                              lx_service_member_at (ctx->self,
                                                    lx_service_editor_get_choice (editor, "member_id")),
                              zone_id, &local_error))
    return TRUE;
  /* A duplicate is about the pair: show it next to the member. */
  *out_field = g_error_matches (local_error, LX_REPO_ERROR, LX_REPO_ERROR_DUPLICATE) ? "member_id" : "zone_id";
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

void
lx_service_add_zone (LxServiceView *self)
{
  LxServiceEditor *editor = lx_service_editor_new (GTK_WIDGET (self), _("Assign a Responsibility Zone"),
                                                   save_zone, lx_service_save_ctx_new (self, 0, 0),
                                                   lx_service_save_ctx_free);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) zones = NULL;
  g_auto(GStrv) members = lx_service_member_labels (self, NULL);

  for (guint i = 0; self->zones != NULL && i < self->zones->len; i++)
    g_strv_builder_add (builder, LX_ZONE (self->zones->pdata[i])->name);
  zones = g_strv_builder_end (builder);
  lx_service_editor_add_choice (editor, "zone_id", _("Zone"), zones, 0);
  lx_service_editor_add_choice (editor, "member_id", _("Responsible Member"), members, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_unassign_zone (GtkButton     *button,
                  LxServiceView *self)
{
  g_autoptr(GError) error = NULL;
  LxZoneAssignment *z = g_new0 (LxZoneAssignment, 1);
  g_autofree char *title = NULL;

  z->member_id = lx_service_button_id (button);
  z->zone_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "lx-zone"));
  if (!lx_service_unassign_zone (self->store, z->member_id, z->zone_id, &error))
    {
      lx_service_show_error (self, error);
      lx_zone_assignment_free (z);
      return;
    }
  title = g_strdup (_("Responsibility removed"));
  lx_service_undo_toast (self, title, UNDO_ZONE, z);
}

void
lx_service_fill_zones (LxServiceView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = lx_service_list_zone_assignments (self->store, &error);
  GtkListBox *box = self->lists[PAGE_ZONES];
  g_autofree char *text = NULL;
  guint next = 0;

  lx_service_clear_list (box);
  if (list == NULL || self->zones == NULL)
    {
      lx_service_empty_row (box, error != NULL ? error->message : _("Cannot read the zones"));
      return;
    }
  text = g_strdup_printf (_("%d zones, %d responsibilities"), (int)self->zones->len, (int)list->len);
  gtk_label_set_text (self->summaries[PAGE_ZONES], text);
  /* Assignments come ordered by zone id, as the zones do. */
  for (guint i = 0; i < self->zones->len; i++)
    {
      LxZone *zone = self->zones->pdata[i];
      g_autoptr(GString) names = g_string_new (NULL);
      GtkWidget *row = expander (zone->name, "");

      for (; next < list->len && ((LxZoneAssignment *)list->pdata[next])->zone_id == zone->id; next++)
        {
          LxZoneAssignment *z = list->pdata[next];
          GtkWidget *child = lx_service_plain_row (z->member_name, NULL);
          g_autofree char *label = g_strdup_printf (_("Remove %s from %s"), z->member_name, zone->name);
          GtkWidget *button = lx_service_button ("list-remove-symbolic", label,
                                                 G_CALLBACK (on_unassign_zone), self, z->member_id);

          g_object_set_data (G_OBJECT (button), "lx-zone", GSIZE_TO_POINTER ((gsize)z->zone_id));
          adw_action_row_add_suffix (ADW_ACTION_ROW (child), button);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
          g_string_append_printf (names, "%s%s", names->len > 0 ? "、" : "", z->member_name);
        }
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row),
                                     names->len > 0 ? names->str : _("No responsible member"));
      gtk_list_box_append (box, row);
    }
  if (self->zones->len == 0)
    lx_service_empty_row (box, _("No zones yet"));
}

/* Posts ------------------------------------------------------------------- */

static gboolean
save_post (LxServiceEditor  *editor,
           gpointer          data,
           const char      **out_field,
           GError          **error)
{
  SaveCtx *ctx = data;
  g_autoptr(LxPost) p = lx_post_new ();
  guint member = lx_service_editor_get_choice (editor, "member_id");

  p->id = ctx->id;
  g_free (p->kind);
  p->kind = g_strdup (post_kinds[MIN (lx_service_editor_get_choice (editor, "kind"), 1)]);
  p->name = lx_service_editor_get_text (editor, "name");
  /* Choice 0 is "Vacant". */
  p->member_id = member == 0 ? 0 : lx_service_member_at (ctx->self, member - 1);
  p->start_on = lx_service_editor_get_text (editor, "start_on");
  p->end_on = lx_service_editor_get_text (editor, "end_on");
  return lx_service_save_post (ctx->self->store, p, out_field, error) != 0;
}

static void
edit_post (LxServiceView *self,
           LxPost        *p)
{
  LxServiceEditor *editor = lx_service_editor_new (GTK_WIDGET (self),
                                                   p != NULL ? _("Edit Post") : _("New Post"), save_post,
                                                   lx_service_save_ctx_new (self, p ? p->id : 0, 0),
                                                   lx_service_save_ctx_free);
  const char *kind_labels[] = { lx_post_kind_label (post_kinds[0]), lx_post_kind_label (post_kinds[1]), NULL };
  g_auto(GStrv) kinds = g_strdupv ((char **)kind_labels);
  g_auto(GStrv) members = lx_service_member_labels (self, _("Vacant"));
  guint member = p != NULL ? lx_service_member_index (self, p->member_id) : GTK_INVALID_LIST_POSITION;
  g_autofree char *today = lx_date_today ();

  lx_service_editor_add_choice (editor, "kind", _("Kind"), kinds,
                                p ? lx_service_choice_index (post_kinds, 2, p->kind) : 0);
  lx_service_editor_add_entry (editor, "name", _("Name"), p ? p->name : NULL);
  lx_service_editor_add_choice (editor, "member_id", _("Member on Post"), members,
                                member == GTK_INVALID_LIST_POSITION ? 0 : member + 1);
  lx_service_editor_add_entry (editor, "start_on", _("Start Date (optional)"), p ? p->start_on : today);
  lx_service_editor_add_entry (editor, "end_on", _("End Date (optional)"), p ? p->end_on : NULL);
  gtk_window_present (GTK_WINDOW (editor));
}

void
lx_service_add_post (LxServiceView *self)
{
  edit_post (self, NULL);
}

static void
on_edit_post (GtkButton     *button,
              LxServiceView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = lx_service_list_posts (self->store, &error);

  for (guint i = 0; list != NULL && i < list->len; i++)
    if (((LxPost *)list->pdata[i])->id == lx_service_button_id (button))
      edit_post (self, list->pdata[i]);
}

static void
on_delete_post (GtkButton     *button,
                LxServiceView *self)
{
  g_autoptr(GError) error = NULL;
  LxPost *p = NULL;
  g_autofree char *title = NULL;

  if (!lx_service_delete_post (self->store, lx_service_button_id (button), &p, &error))
    {
      lx_service_show_error (self, error);
      return;
    }
  title = g_strdup_printf (_("Post “%s” deleted"), p->name);
  lx_service_undo_toast (self, title, UNDO_POST, p);
}

void
lx_service_fill_posts (LxServiceView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = lx_service_list_posts (self->store, &error);
  GtkListBox *box = self->lists[PAGE_POSTS];
  g_autofree char *text = NULL;

  lx_service_clear_list (box);
  if (list == NULL)
    {
      lx_service_empty_row (box, error->message);
      return;
    }
  text = g_strdup_printf (_("%d posts"), (int)list->len);
  gtk_label_set_text (self->summaries[PAGE_POSTS], text);
  for (guint i = 0; i < list->len; i++)
    {
      LxPost *p = list->pdata[i];
      g_autofree char *period = lx_service_format_period (p->start_on, p->end_on);
      g_autofree char *sub = g_strdup_printf ("%s · %s%s%s", lx_post_kind_label (p->kind),
                                              p->member_name != NULL ? p->member_name : _("Vacant"),
                                              *period != '\0' ? " · " : "", period);
      GtkWidget *row = lx_service_plain_row (p->name, sub);
      g_autofree char *edit = g_strdup_printf (_("Edit “%s”"), p->name);
      g_autofree char *del = g_strdup_printf (_("Delete “%s”"), p->name);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 lx_service_button ("document-edit-symbolic", edit,
                                                    G_CALLBACK (on_edit_post), self, p->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 lx_service_button ("user-trash-symbolic", del,
                                                    G_CALLBACK (on_delete_post), self, p->id));
      gtk_list_box_append (box, row);
    }
  if (list->len == 0)
    lx_service_empty_row (box, _("No posts yet"));
}

/* Teams ------------------------------------------------------------------- */

static gboolean
save_team (LxServiceEditor  *editor,
           gpointer          data,
           const char      **out_field,
           GError          **error)
{
  SaveCtx *ctx = data;
  g_autoptr(LxServiceTeam) t = lx_service_team_new ();
  g_autofree char *members = lx_service_editor_get_text (editor, "member_ids");

  t->id = ctx->id;
  t->org_id = ctx->parent_id;
  t->name = lx_service_editor_get_text (editor, "name");
  t->focus = lx_service_editor_get_text (editor, "focus");
  if (!lx_service_parse_members (ctx->self, members, t->member_ids, out_field, error))
    return FALSE;
  return lx_service_save_team (ctx->self->store, t, out_field, error) != 0;
}

static void
edit_team (LxServiceView *self,
           LxServiceTeam *t)
{
  LxServiceEditor *editor = lx_service_editor_new (GTK_WIDGET (self),
                                                   t != NULL ? _("Edit Service Team") : _("New Service Team"),
                                                   save_team,
                                                   lx_service_save_ctx_new (self, t ? t->id : 0,
                                                                            t ? t->org_id : 0),
                                                   lx_service_save_ctx_free);
  g_autofree char *members = t != NULL ? lx_service_member_names (self, t->member_ids) : NULL;

  lx_service_editor_add_entry (editor, "name", _("Name"), t ? t->name : NULL);
  lx_service_editor_add_entry (editor, "focus", _("Focus"), t ? t->focus : NULL);
  lx_service_editor_add_entry (editor, "member_ids", _("Members (names separated by 、)"), members);
  gtk_window_present (GTK_WINDOW (editor));
}

void
lx_service_add_team (LxServiceView *self)
{
  edit_team (self, NULL);
}

static void
on_edit_team (GtkButton     *button,
              LxServiceView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = lx_service_list_teams (self->store, &error);

  for (guint i = 0; list != NULL && i < list->len; i++)
    if (((LxServiceTeam *)list->pdata[i])->id == lx_service_button_id (button))
      edit_team (self, list->pdata[i]);
}

static void
on_delete_team (GtkButton     *button,
                LxServiceView *self)
{
  g_autoptr(GError) error = NULL;
  LxServiceTeam *t = NULL;
  g_autofree char *title = NULL;

  if (!lx_service_delete_team (self->store, lx_service_button_id (button), &t, &error))
    {
      lx_service_show_error (self, error);
      return;
    }
  title = g_strdup_printf (_("Team “%s” deleted"), t->name);
  lx_service_undo_toast (self, title, UNDO_TEAM, t);
}

static gboolean
save_activity (LxServiceEditor  *editor,
               gpointer          data,
               const char      **out_field,
               GError          **error)
{
  SaveCtx *ctx = data;
  g_autoptr(LxVolunteerActivity) a = lx_volunteer_activity_new ();
  g_autofree char *hours = lx_service_editor_get_text (editor, "hours");
  g_autofree char *served = lx_service_editor_get_text (editor, "households_served");
  g_autofree char *members = lx_service_editor_get_text (editor, "member_ids");
  char *end = NULL;

  a->team_id = ctx->parent_id;
  a->happened_on = lx_service_editor_get_text (editor, "happened_on");
  a->title = lx_service_editor_get_text (editor, "title");
  a->hours = g_ascii_strtod (g_strstrip (hours), &end);
  if (*hours == '\0' || end == NULL || *end != '\0')
    {
      *out_field = "hours";
      g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                           _("Hours: enter a number such as 2 or 1.5"));
      return FALSE;
    }
  if (!g_ascii_string_to_signed (g_strstrip (served), 10, G_MININT, G_MAXINT,
                                 (gint64 *)NULL, NULL))
    {
      *out_field = "households_served";
      g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                           _("Households served: enter a whole number"));
      return FALSE;
    }
  a->households_served = atoi (served);
  if (!lx_service_parse_members (ctx->self, members, a->member_ids, out_field, error))
    return FALSE;
  return lx_service_save_volunteer_activity (ctx->self->store, a, out_field, error) != 0;
}

static void
on_add_activity (GtkButton     *button,
                 LxServiceView *self)
{
  LxServiceEditor *editor = lx_service_editor_new (GTK_WIDGET (self), _("New Volunteer Activity"),
                                                   save_activity,
                                                   lx_service_save_ctx_new (self, 0, lx_service_button_id (button)),
                                                   lx_service_save_ctx_free);
  g_autofree char *today = lx_date_today ();

  lx_service_editor_add_entry (editor, "happened_on", _("Date"), today);
  lx_service_editor_add_entry (editor, "title", _("Title"), NULL);
  lx_service_editor_add_entry (editor, "hours", _("Hours"), "2");
  lx_service_editor_add_entry (editor, "households_served", _("Households Served"), "0");
  lx_service_editor_add_entry (editor, "member_ids", _("Members Taking Part (names separated by 、)"), NULL);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_delete_activity (GtkButton     *button,
                    LxServiceView *self)
{
  g_autoptr(GError) error = NULL;
  LxVolunteerActivity *a = NULL;
  g_autofree char *title = NULL;

  if (!lx_service_delete_volunteer_activity (self->store, lx_service_button_id (button), &a, &error))
    {
      lx_service_show_error (self, error);
      return;
    }
  title = g_strdup_printf (_("Activity “%s” deleted"), a->title);
  lx_service_undo_toast (self, title, UNDO_VOLUNTEER_ACTIVITY, a);
}

static void
add_team_actions (LxServiceView *self,
                  GtkWidget     *row,
                  LxServiceTeam *t)
{
  g_autofree char *add = g_strdup_printf (_("Add an activity of “%s”"), t->name);
  g_autofree char *edit = g_strdup_printf (_("Edit “%s”"), t->name);
  g_autofree char *del = g_strdup_printf (_("Delete “%s”"), t->name);

  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               lx_service_button ("list-add-symbolic", add,
                                                  G_CALLBACK (on_add_activity), self, t->id));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               lx_service_button ("document-edit-symbolic", edit,
                                                  G_CALLBACK (on_edit_team), self, t->id));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               lx_service_button ("user-trash-symbolic", del,
                                                  G_CALLBACK (on_delete_team), self, t->id));
}

static GtkWidget *
activity_row (LxServiceView       *self,
              LxVolunteerActivity *a)
{
  g_autofree char *hours = g_strdup_printf ("%g", a->hours);
  /* Translators: date · hours · households served · number of members */
  g_autofree char *sub = g_strdup_printf (_("%s · %s hours · %d households served · %d members"),
                                          a->happened_on, hours, a->households_served,
                                          (int)a->member_ids->len);
  GtkWidget *row = lx_service_plain_row (a->title, sub);
  g_autofree char *del = g_strdup_printf (_("Delete “%s”"), a->title);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             lx_service_button ("user-trash-symbolic", del,
                                                G_CALLBACK (on_delete_activity), self, a->id));
  return row;
}

static GtkWidget *
team_row (LxServiceView *self,
          LxServiceTeam *t,
          LxTeamSummary *s)
{
  g_autofree char *hours = g_strdup_printf ("%g", s != NULL ? s->hours : 0.0);
  g_autofree char *sub = g_strdup_printf (_("%d members · %d: %s hours, %d households served"),
                                          (int)t->member_ids->len, self->year, hours,
                                          s != NULL ? s->households_served : 0);
  GtkWidget *row = expander (t->name, sub);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = lx_service_list_volunteer_activities (self->store, t->id,
                                                                          self->year, &error);
  g_autofree char *names = lx_service_member_names (self, t->member_ids);

  add_team_actions (self, row, t);
  if (t->focus != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), lx_service_plain_row (_("Focus"), t->focus));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            lx_service_plain_row (_("Members"), *names ? names : _("No members yet")));
  for (guint i = 0; activities != NULL && i < activities->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), activity_row (self, activities->pdata[i]));
  return row;
}

void
lx_service_fill_teams (LxServiceView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = lx_service_list_teams (self->store, &error);
  g_autoptr(GPtrArray) summary = NULL;
  GtkListBox *box = self->lists[PAGE_TEAMS];
  g_autofree char *text = NULL;
  g_autofree char *hours = NULL;
  double total_hours = 0;
  int served = 0;

  lx_service_clear_list (box);
  if (list == NULL || !(summary = lx_service_team_summary (self->store, self->year, &error)))
    {
      lx_service_empty_row (box, error->message);
      return;
    }
  for (guint i = 0; i < summary->len; i++)
    {
      total_hours += ((LxTeamSummary *)summary->pdata[i])->hours;
      served += ((LxTeamSummary *)summary->pdata[i])->households_served;
    }
  hours = g_strdup_printf ("%g", total_hours);
  text = g_strdup_printf (_("%d teams; in %d: %s volunteer hours, %d households served"),
                          (int)list->len, self->year, hours, served);
  gtk_label_set_text (self->summaries[PAGE_TEAMS], text);
  /* Both lists are ordered by name, id. */
  for (guint i = 0; i < list->len; i++)
    gtk_list_box_append (box, team_row (self, list->pdata[i],
                                        i < summary->len ? summary->pdata[i] : NULL));
  if (list->len == 0)
    lx_service_empty_row (box, _("No service teams yet"));
}
