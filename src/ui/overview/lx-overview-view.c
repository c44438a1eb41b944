/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-overview-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-chart-widget.h"
#include "lx-date.h"
#include "lx-households-view.h"
#include "lx-overview-view.h"
#include "lx-overview.h"
#include "lx-report.h"
#include "lx-window.h"

#define ATTENTION_PER_KIND 3

struct _LxOverviewView
{
  GtkWidget     parent_instance;

  LxStore      *store;
  int           year;
  guint         reload_id;
  GCancellable *cancellable;

  /* template widgets */
  GtkWidget    *scroller;
  GtkLabel     *heading_label;
  GtkFlowBox   *tiles;
  GtkListBox   *attention_list;
  GtkGrid      *charts_grid;
};

G_DEFINE_FINAL_TYPE (LxOverviewView, lx_overview_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_STORE, PROP_YEAR, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* Figure tiles ---------------------------------------------------------------- */

static void
add_tile (LxOverviewView *self,
          const char     *caption,
          const char     *value,
          const char     *detail)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *caption_label = gtk_label_new (caption);
  GtkWidget *value_label = gtk_label_new (value);
  g_autofree char *name = g_strdup_printf ("%s: %s", caption, value);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_size_request (box, 200, -1);
  gtk_label_set_xalign (GTK_LABEL (caption_label), 0);
  gtk_label_set_wrap (GTK_LABEL (caption_label), TRUE);
  /* Wrapped labels ask for their longest line: keep tiles four abreast. */
  gtk_label_set_max_width_chars (GTK_LABEL (caption_label), 14);
  gtk_widget_add_css_class (caption_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_widget_add_css_class (value_label, "title-1");
  gtk_widget_add_css_class (value_label, "numeric");
  /* Screen readers (and the UI tests) hear the figure with its caption. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (value_label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  gtk_widget_set_margin_start (caption_label, 16);
  gtk_widget_set_margin_end (caption_label, 16);
  gtk_widget_set_margin_top (caption_label, 14);
  gtk_widget_set_margin_start (value_label, 16);
  gtk_widget_set_margin_end (value_label, 16);
  gtk_box_append (GTK_BOX (box), caption_label);
  gtk_box_append (GTK_BOX (box), value_label);
  if (detail != NULL)
    {
      GtkWidget *detail_label = gtk_label_new (detail);

      gtk_label_set_xalign (GTK_LABEL (detail_label), 0);
      gtk_label_set_wrap (GTK_LABEL (detail_label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (detail_label), 14);
      gtk_widget_add_css_class (detail_label, "caption");
      gtk_widget_add_css_class (detail_label, "dim-label");
      gtk_widget_set_margin_start (detail_label, 16);
      gtk_widget_set_margin_end (detail_label, 16);
      gtk_box_append (GTK_BOX (box), detail_label);
    }
  gtk_widget_set_margin_bottom (gtk_widget_get_last_child (box), 14);
  gtk_flow_box_append (self->tiles, box);
}

static char *
percent (double fraction)
{
  return g_strdup_printf ("%.1f%%", 100 * fraction);
}

static void
set_dash (char **text)
{
  g_free (*text);
  *text = g_strdup ("—");
}

static void
fill_tiles (LxOverviewView   *self,
            const LxOverview *ov)
{
  const LxYearStats *v = &ov->visits;
  gint64 followups = 0, ballots = 0;
  g_autofree char *cov = percent (v->coverage), *needy = percent (v->needy_coverage);
  g_autofree char *cov_detail = g_strdup_printf (_("%d of %d households visited"), (int)v->households_visited, (int)v->households);
  g_autofree char *needy_detail = g_strdup_printf (_("%d of %d needy households visited"), (int)v->needy_visited, (int)v->needy_households);
  g_autofree char *received = g_strdup_printf ("%d", (int)ov->appeals_received);
  /* Translators: under the number of appeals, "已解决 37 · 已答复 10" */
  g_autofree char *received_detail = g_strdup_printf (_("%d resolved · %d responded"), (int)ov->appeals_resolved, (int)ov->appeals_responded);
  g_autofree char *overdue = g_strdup_printf ("%d", (int)ov->appeals_overdue);
  g_autofree char *days = ov->average_days_to_close < 0 ? g_strdup (_("None closed yet"))
    : g_strdup_printf (_("%.1f days on average to close"), ov->average_days_to_close);
  g_autofree char *receptions = g_strdup_printf ("%d", (int)ov->reception_days);
  g_autofree char *field = g_strdup_printf ("%d", (int)v->field_visits);
  g_autofree char *home = g_strdup_printf (_("%d home visits"), (int)v->home_visits);
  g_autofree char *follow = percent (lx_overview_satisfaction (ov->followup_grades));
  g_autofree char *ballot = percent (lx_overview_satisfaction (ov->ballot_grades));
  g_autofree char *follow_detail = NULL, *ballot_detail = NULL;

  for (int g = 0; g < LX_N_GRADES; g++)
    {
      followups += ov->followup_grades[g];
      ballots += ov->ballot_grades[g];
    }
  follow_detail = g_strdup_printf (_("Satisfied or fairly satisfied, %d follow-ups"), (int)followups);
  ballot_detail = g_strdup_printf (_("Satisfied or fairly satisfied, %d grades"), (int)ballots);
  /* Nobody graded yet is not 0 % satisfied. */
  if (followups == 0)
    set_dash (&follow);
  if (ballots == 0)
    {
      set_dash (&ballot);
      g_free (ballot_detail);
      ballot_detail = g_strdup (_("No evaluation ballots this year"));
    }

  while (gtk_widget_get_first_child (GTK_WIDGET (self->tiles)) != NULL)
    gtk_flow_box_remove (self->tiles, gtk_widget_get_first_child (GTK_WIDGET (self->tiles)));
  add_tile (self, _("Visit coverage, all households"), cov, cov_detail);
  add_tile (self, _("Visit coverage, needy households"), needy, needy_detail);
  add_tile (self, _("Received appeals"), received, received_detail);
  add_tile (self, _("Overdue appeals"), overdue, days);
  add_tile (self, _("Reception days held"), receptions, NULL);
  add_tile (self, _("Field visits to contact points"), field, home);
  add_tile (self, _("Follow-up satisfaction"), follow, follow_detail);
  add_tile (self, _("Evaluation satisfaction"), ballot, ballot_detail);
}

/* Charts -------------------------------------------------------------------------- */

static void
place_chart (LxOverviewView *self,
             LxChart        *chart,
             int             column,
             int             row,
             int             width,
             int             height)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *widget = lx_chart_widget_new (chart);

  gtk_widget_set_size_request (widget, -1, height);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_frame_set_child (GTK_FRAME (frame), widget);
  gtk_widget_add_css_class (frame, "view");
  gtk_grid_attach (self->charts_grid, frame, column, row, width, 1);
}

static void
fill_charts (LxOverviewView   *self,
             const LxOverview *ov)
{
  g_autoptr(LxChart) coverage = lx_report_coverage_chart (ov);
  g_autoptr(LxChart) satisfaction = lx_report_satisfaction_chart (ov);
  g_autoptr(LxChart) monthly = lx_report_monthly_chart (ov);
  g_autoptr(LxChart) appeals = lx_report_appeals_chart (ov);
  g_autoptr(GArray) per_day = lx_overview_visits_per_day (self->store, self->year, NULL);
  g_autoptr(LxChart) calendar = lx_report_calendar_chart (self->year, per_day);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->charts_grid))) != NULL)
    gtk_grid_remove (self->charts_grid, child);
  place_chart (self, coverage, 0, 0, 1, 250);
  place_chart (self, satisfaction, 1, 0, 1, 250);
  place_chart (self, monthly, 0, 1, 2, 300);
  place_chart (self, appeals, 0, 2, 2, 240);
  /* A year of weeks needs the full width to keep its cells legible. */
  place_chart (self, calendar, 0, 3, 2, 230);
}

/* Needs attention ----------------------------------------------------------------- */

static const char *
attention_icon (LxAttentionKind kind)
{
  switch (kind)
    {
    case LX_ATTENTION_HOUSEHOLDS_OVERDUE:
      return "go-home-symbolic";
    case LX_ATTENTION_APPEAL_OVERDUE:
      return "dialog-warning-symbolic";
    case LX_ATTENTION_RECEPTION_DAY:
      return "x-office-calendar-symbolic";
    case LX_ATTENTION_MEMBER_QUOTA:
    default:
      return "system-users-symbolic";
    }
}

static const char *
attention_view (LxAttentionKind kind)
{
  switch (kind)
    {
    case LX_ATTENTION_HOUSEHOLDS_OVERDUE:
      return "households";
    case LX_ATTENTION_APPEAL_OVERDUE:
      return "appeals";
    case LX_ATTENTION_RECEPTION_DAY:
      return "calendar";
    case LX_ATTENTION_MEMBER_QUOTA:
    default:
      return "pairing";
    }
}

static void
on_attention_open (GtkButton *button,
                   gpointer   user_data)
{
  LxOverviewView *self = user_data;
  LxAttentionKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "kind"));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *view;

  if (!LX_IS_WINDOW (root))
    return;
  view = lx_window_show_view (LX_WINDOW (root), attention_view (kind));
  if (view == NULL)
    {
      lx_window_show_toast (LX_WINDOW (root), adw_toast_new (_("That view is not available yet")));
      return;
    }
  if (kind == LX_ATTENTION_HOUSEHOLDS_OVERDUE && LX_IS_HOUSEHOLDS_VIEW (view))
    lx_households_view_show_status (LX_HOUSEHOLDS_VIEW (view), LX_VISIT_STATUS_OVERDUE);
}

static GtkWidget *
attention_row (LxOverviewView    *self,
               const LxAttention *item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("go-next-symbolic");
  g_autofree char *open = g_strdup_printf (_("Open: %s"), item->title);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->detail ? item->detail : "");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (attention_icon (item->kind)));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Open"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, open, -1);
  g_object_set_data (G_OBJECT (button), "kind", GINT_TO_POINTER (item->kind));
  g_signal_connect (button, "clicked", G_CALLBACK (on_attention_open), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  return row;
}

static void
fill_attention (LxOverviewView *self)
{
  g_autofree char *today = lx_date_today ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = lx_overview_attention (self->store, today, ATTENTION_PER_KIND, &error);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attention_list))) != NULL)
    gtk_list_box_remove (self->attention_list, child);
  if (items == NULL)
    {
      g_warning ("Cannot list what needs attention: %s", error->message);
      return;
    }
  if (items->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing needs attention"));
      gtk_list_box_append (self->attention_list, row);
    }
  for (guint i = 0; i < items->len; i++)
    gtk_list_box_append (self->attention_list, attention_row (self, g_ptr_array_index (items, i)));
}

/* Loading ----------------------------------------------------------------------- */

static void
reload (LxOverviewView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = lx_date_today ();
  /* Translators: the overview's heading, "2026年工作概览" */
  g_autofree char *heading = g_strdup_printf (_("The Year %d at a Glance"), self->year);
  LxOverview ov;

  if (self->store == NULL || self->year <= 0)
    return;
  gtk_label_set_label (self->heading_label, heading);
  if (!lx_overview_compute (self->store, self->year, today, &ov, &error))
    {
      g_warning ("Cannot compute the overview: %s", error->message);
      return;
    }
  fill_tiles (self, &ov);
  fill_charts (self, &ov);
  fill_attention (self);
}

static gboolean
reload_idle (gpointer data)
{
  LxOverviewView *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* Many changes in a row (an import, a demo) reload once. */
static void
on_store_changed (LxOverviewView *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (300, reload_idle, self);
}

void
lx_overview_view_set_year (LxOverviewView *self,
                           int             year)
{
  g_return_if_fail (LX_IS_OVERVIEW_VIEW (self));

  if (self->year == year)
    return;
  self->year = year;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

int
lx_overview_view_get_year (LxOverviewView *self)
{
  g_return_val_if_fail (LX_IS_OVERVIEW_VIEW (self), 0);
  return self->year;
}

/* The annual report ---------------------------------------------------------------- */

typedef struct
{
  char *database;
  char *path;
  int   year;
} ReportJob;

static void
report_job_free (gpointer data)
{
  ReportJob *job = data;

  g_free (job->database);
  g_free (job->path);
  g_free (job);
}

/* A worker thread with a connection of its own. */
static void
report_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ReportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LxStore) store = lx_store_open (job->database, LX_STORE_OPEN_DEFAULT, &error);

  if (store == NULL || !lx_report_write_pdf (store, job->year, NULL, job->path, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
report_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  LxOverviewView *self = LX_OVERVIEW_VIEW (object);
  ReportJob *job = g_task_get_task_data (G_TASK (result));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.export-report", TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    message = g_strdup (error->message);
  else
    {
      g_autofree char *name = g_path_get_basename (job->path);
      message = g_strdup_printf (_("Annual report saved as “%s”"), name);
    }
  if (LX_IS_WINDOW (root))
    lx_window_show_toast (LX_WINDOW (root), adw_toast_new (message));
}

static void
on_report_response (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  LxOverviewView *self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  ReportJob *job;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  job = g_new0 (ReportJob, 1);
  job->database = g_strdup (lx_store_get_path (self->store));
  job->path = g_steal_pointer (&path);
  job->year = self->year;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.export-report", FALSE);
  task = g_task_new (self, self->cancellable, report_done, NULL);
  g_task_set_source_tag (task, on_report_response);
  g_task_set_task_data (task, job, report_job_free);
  g_task_run_in_thread (task, report_thread);
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  LxOverviewView *self = LX_OVERVIEW_VIEW (widget);
  GtkNative *native = gtk_widget_get_native (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  dialog = gtk_file_chooser_native_new (_("Export Annual Report"),
                                        GTK_IS_WINDOW (native) ? GTK_WINDOW (native) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* Translators: the file name of the annual report, "2026年度报告.pdf" */
  name = g_strdup_printf (_("Annual Report %d.pdf"), self->year);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_report_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Object --------------------------------------------------------------------------- */

LxOverviewView *
lx_overview_view_new (LxStore *store)
{
  return g_object_new (LX_TYPE_OVERVIEW_VIEW, "store", store, "year", lx_date_current_year (), NULL);
}

static void
lx_overview_view_constructed (GObject *object)
{
  LxOverviewView *self = LX_OVERVIEW_VIEW (object);

  G_OBJECT_CLASS (lx_overview_view_parent_class)->constructed (object);
  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self,
                             G_CONNECT_SWAPPED);
  reload (self);
}

static void
lx_overview_view_dispose (GObject *object)
{
  LxOverviewView *self = LX_OVERVIEW_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LX_TYPE_OVERVIEW_VIEW);
  G_OBJECT_CLASS (lx_overview_view_parent_class)->dispose (object);
}

static void
lx_overview_view_finalize (GObject *object)
{
  LxOverviewView *self = LX_OVERVIEW_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (lx_overview_view_parent_class)->finalize (object);
}

static void
lx_overview_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LxOverviewView *self = LX_OVERVIEW_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lx_overview_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LxOverviewView *self = LX_OVERVIEW_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_YEAR:
      lx_overview_view_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lx_overview_view_class_init (LxOverviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lx_overview_view_constructed;
  object_class->dispose = lx_overview_view_dispose;
  object_class->finalize = lx_overview_view_finalize;
  object_class->get_property = lx_overview_view_get_property;
  object_class->set_property = lx_overview_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LX_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, 9999, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/lx-overview-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LxOverviewView, scroller);
  gtk_widget_class_bind_template_child (widget_class, LxOverviewView, heading_label);
  gtk_widget_class_bind_template_child (widget_class, LxOverviewView, tiles);
  gtk_widget_class_bind_template_child (widget_class, LxOverviewView, attention_list);
  gtk_widget_class_bind_template_child (widget_class, LxOverviewView, charts_grid);
  gtk_widget_class_install_action (widget_class, "view.export-report", NULL, export_report_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lx_overview_view_init (LxOverviewView *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
