/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-service-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-service-view-private.h"

/* The Pledges page of the Service view: the header year's pledges grouped
 * by member, each with its status chosen in place. */

static const char * const pledge_statuses[] = { "open", "kept", "partly", "not_kept" };

/* Pledges ----------------------------------------------------------------- */

static GStrv
status_labels (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (pledge_statuses); i++)
    g_strv_builder_add (builder, lx_pledge_status_label (pledge_statuses[i]));
  return g_strv_builder_end (builder);
}

static gboolean
save_pledge (LxServiceEditor  *editor,
             gpointer          data,
             const char      **out_field,
             GError          **error)
{
  SaveCtx *ctx = data;
  g_autoptr(LxPledge) p = lx_pledge_new ();
  guint status = lx_service_editor_get_choice (editor, "status");

  p->id = ctx->id;
  p->year = (int)ctx->parent_id;
  p->member_id = lx_service_member_at (ctx->self, lx_service_editor_get_choice (editor, "member_id"));
  p->text = lx_service_editor_get_text (editor, "text");
  g_free (p->status);
  p->status = g_strdup (pledge_statuses[MIN (status, G_N_ELEMENTS (pledge_statuses) - 1)]);
  p->assessment = lx_service_editor_get_text (editor, "assessment");
  return lx_service_save_pledge (ctx->self->store, p, out_field, error) != 0;
}

static void
edit_pledge (LxServiceView *self,
             LxPledge      *p)
{
  g_autofree char *title = NULL;
  LxServiceEditor *editor;
  g_auto(GStrv) members = lx_service_member_labels (self, NULL);
  g_auto(GStrv) statuses = status_labels ();
  guint member = p != NULL ? lx_service_member_index (self, p->member_id) : 0;

  title = p != NULL ? g_strdup (_("Edit Pledge"))
                    : g_strdup_printf (_("New Pledge for %d"), self->year);
  editor = lx_service_editor_new (GTK_WIDGET (self), title, save_pledge,
                                  lx_service_save_ctx_new (self, p != NULL ? p->id : 0,
                                                p != NULL ? p->year : self->year),
                                  lx_service_save_ctx_free);
  lx_service_editor_add_choice (editor, "member_id", _("Member"), members,
                                member == GTK_INVALID_LIST_POSITION ? 0 : member);
  lx_service_editor_add_entry (editor, "text", _("Pledge"), p ? p->text : NULL);
  lx_service_editor_add_choice (editor, "status", _("Status"), statuses,
                                p ? lx_service_choice_index (pledge_statuses, 4, p->status) : 0);
  lx_service_editor_add_entry (editor, "assessment", _("Year-End Assessment"), p ? p->assessment : NULL);
  gtk_window_present (GTK_WINDOW (editor));
}

static LxPledge *
find_pledge (LxServiceView *self,
             gint64         id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = lx_service_list_pledges (self->store, self->year, &error);

  for (guint i = 0; list != NULL && i < list->len; i++)
    if (((LxPledge *)list->pdata[i])->id == id)
      return g_ptr_array_steal_index (list, i);
  return NULL;
}

static void
on_edit_pledge (GtkButton     *button,
                LxServiceView *self)
{
  g_autoptr(LxPledge) p = find_pledge (self, lx_service_button_id (button));

  if (p != NULL)
    edit_pledge (self, p);
}

static void
on_delete_pledge (GtkButton     *button,
                  LxServiceView *self)
{
  g_autoptr(GError) error = NULL;
  LxPledge *p = NULL;
  g_autofree char *title = NULL;

  if (!lx_service_delete_pledge (self->store, lx_service_button_id (button), &p, &error))
    {
      lx_service_show_error (self, error);
      return;
    }
  title = g_strdup_printf (_("Pledge of %s deleted"), p->member_name);
  lx_service_undo_toast (self, title, UNDO_PLEDGE, p);
}

static void
on_status_selected (GtkDropDown   *dropdown,
                    GParamSpec    *pspec,
                    LxServiceView *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected >= G_N_ELEMENTS (pledge_statuses))
    return;
  if (!lx_service_set_pledge_status (self->store, lx_service_button_id (dropdown),
                                     pledge_statuses[selected], &error))
    lx_service_show_error (self, error);
}

static GtkWidget *
pledge_row (LxServiceView *self,
            LxPledge      *p)
{
  GtkWidget *row = lx_service_plain_row (p->text, p->assessment);
  g_auto(GStrv) statuses = status_labels ();
  GtkWidget *dropdown = gtk_drop_down_new_from_strings ((const char * const *)statuses);
  g_autofree char *label = g_strdup_printf (_("Status of “%s”"), p->text);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), lx_service_choice_index (pledge_statuses, 4, p->status));
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (dropdown), "lx-id", GSIZE_TO_POINTER ((gsize)p->id));
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_status_selected), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
  g_free (label);
  label = g_strdup_printf (_("Edit “%s”"), p->text);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             lx_service_button ("document-edit-symbolic", label,
                                                G_CALLBACK (on_edit_pledge), self, p->id));
  g_free (label);
  label = g_strdup_printf (_("Delete “%s”"), p->text);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             lx_service_button ("user-trash-symbolic", label,
                                                G_CALLBACK (on_delete_pledge), self, p->id));
  return row;
}

void
lx_service_fill_pledges (LxServiceView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = lx_service_list_pledges (self->store, self->year, &error);
  g_autoptr(GPtrArray) summary = NULL;
  g_autofree char *text = NULL;
  int kept = 0;
  guint next = 0;

  lx_service_clear_list (self->lists[PAGE_PLEDGES]);
  if (list == NULL || !(summary = lx_service_pledge_summary (self->store, self->year, &error)))
    {
      lx_service_empty_row (self->lists[PAGE_PLEDGES], error->message);
      return;
    }
  /* The summary and the list share their order (by member), so each
   * member's group takes the next run of pledges. */
  for (guint i = 0; i < summary->len; i++)
    {
      LxPledgeSummary *s = g_ptr_array_index (summary, i);
      GtkWidget *group = adw_expander_row_new ();
      g_autofree char *sub = g_strdup_printf (_("%d of %d kept"), s->kept, s->total);

      kept += s->kept;
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (group), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (group), s->member_name);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (group), sub);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (group), TRUE);
      for (; next < list->len && ((LxPledge *)list->pdata[next])->member_id == s->member_id; next++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (group), pledge_row (self, list->pdata[next]));
      gtk_list_box_append (self->lists[PAGE_PLEDGES], group);
    }
  text = g_strdup_printf (_("%d pledges in %d, %d kept"), (int)list->len, self->year, kept);
  gtk_label_set_text (self->summaries[PAGE_PLEDGES], text);
  if (list->len == 0)
    lx_service_empty_row (self->lists[PAGE_PLEDGES], _("No pledges for this year yet"));
}

void
lx_service_add_pledge (LxServiceView *self)
{
  edit_pledge (self, NULL);
}
