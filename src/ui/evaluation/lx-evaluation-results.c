/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-evaluation-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-date.h"
#include "lx-evaluation-view-private.h"
#include "overview/lx-chart-widget.h"

/* The Results tab: one row per member (and the organization) with the four
 * items, the overall rate, the change since last year, the suggested and
 * the final grade; a chart of the items; the remedial list. */

enum
{
  COL_NAME,
  COL_ORG,
  COL_ITEMS,
  COL_OVERALL = COL_ITEMS + LX_N_ITEMS,
  COL_CHANGE,
  COL_SUGGESTED,
  COL_FINAL,
  COL_OVERRIDE,
};

static GtkWidget *
cell (const char *text,
      float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  return label;
}

/* Organization names are long (市住房和城乡建设局机关党委): the table keeps
 * their start, the tooltip has all. */
static GtkWidget *
org_cell (const char *name)
{
  GtkWidget *label = cell (name, 0);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 8);
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  gtk_widget_set_tooltip_text (label, name);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
attach (LxEvaluationView *self,
        GtkWidget        *widget,
        int               column,
        int               row)
{
  gtk_grid_attach (self->results_grid, widget, column, row, 1, 1);
}

static void
add_headings (LxEvaluationView *self)
{
  const char *headings[] = {
    _("Member"), C_("evaluation column", "Organization"), NULL, NULL, NULL, NULL, _("Overall"), _("vs. Last Year"),
    C_("grade", "Suggested"), C_("grade", "Final"),
  };

  for (int c = 0; c < (int)G_N_ELEMENTS (headings); c++)
    {
      const char *text = c >= COL_ITEMS && c < COL_OVERALL ? lx_evaluation_item_abbrev (c - COL_ITEMS)
                                                           : headings[c];
      GtkWidget *label = cell (text, c >= COL_ITEMS && c <= COL_CHANGE ? 1.0 : 0.0);

      gtk_widget_add_css_class (label, "heading");
      if (c >= COL_ITEMS && c < COL_OVERALL)
        gtk_widget_set_tooltip_text (label, lx_evaluation_item_label (c - COL_ITEMS));
      attach (self, label, c, 0);
    }
}

static GtkWidget *
change_label (const LxMemberResult *r)
{
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  GtkWidget *label;

  if (r->previous < 0 || r->overall < 0)
    return cell ("—", 1.0);
  /* Translators: the change in percentage points since last year, "+3.5" */
  text = g_strdup_printf (_("%+.1f"), 100 * (r->overall - r->previous));
  label = cell (text, 1.0);
  before = lx_evaluation_percent (r->previous);
  {
    g_autofree char *tip = g_strdup_printf (_("Last year: %s"), before);
    gtk_widget_set_tooltip_text (label, tip);
  }
  if (r->overall > r->previous + 0.0005)
    gtk_widget_add_css_class (label, "success");
  else if (r->overall < r->previous - 0.0005)
    gtk_widget_add_css_class (label, "error");
  return label;
}

static void on_override_clicked (GtkButton *button, LxEvaluationView *self);

static void
add_rates (LxEvaluationView     *self,
           const LxMemberResult *r,
           int                   row)
{
  g_autofree char *overall = lx_evaluation_percent (r->overall);
  /* Translators: accessible name of a member's overall rate: name, "75.0%" */
  g_autofree char *overall_name = g_strdup_printf (_("Overall satisfaction of %s: %s"), r->name, overall);
  GtkWidget *label;

  for (int i = 0; i < LX_N_ITEMS; i++)
    {
      g_autofree char *rate = lx_evaluation_percent (r->rate[i]);
      attach (self, cell (rate, 1.0), COL_ITEMS + i, row);
    }
  label = cell (overall, 1.0);
  gtk_widget_add_css_class (label, "heading");
  if (r->remedial)
    gtk_widget_add_css_class (label, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, overall_name, -1);
  attach (self, label, COL_OVERALL, row);
  attach (self, change_label (r), COL_CHANGE, row);
}

static void
add_member_row (LxEvaluationView     *self,
                const LxMemberResult *r,
                int                   row)
{
  GtkWidget *final_label, *button;
  g_autofree char *button_name = g_strdup_printf (_("Override the grade of %s"), r->name);

  attach (self, cell (r->name, 0), COL_NAME, row);
  attach (self, org_cell (r->org_name), COL_ORG, row);
  add_rates (self, r, row);
  attach (self, cell (lx_review_grade_label (r->suggested), 0), COL_SUGGESTED, row);

  final_label = cell (lx_review_grade_label (r->final_grade), 0);
  if (r->final_grade != LX_REVIEW_NONE)
    {
      gtk_widget_add_css_class (final_label, "heading");
      gtk_widget_set_tooltip_text (final_label, r->override_reason);
    }
  attach (self, final_label, COL_FINAL, row);

  button = gtk_button_new_with_label (_("Override…"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, button_name, -1);
  g_object_set_data (G_OBJECT (button), "member-id", GINT_TO_POINTER ((int)r->member_id));
  g_signal_connect (button, "clicked", G_CALLBACK (on_override_clicked), self);
  attach (self, button, COL_OVERRIDE, row);
}

static void
fill_table (LxEvaluationView *self)
{
  LxEvaluationResults *res = self->results;
  GtkWidget *child, *name;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_grid))) != NULL)
    gtk_grid_remove (self->results_grid, child);
  add_headings (self);

  name = cell (_("The organization"), 0);
  gtk_widget_add_css_class (name, "heading");
  attach (self, name, COL_NAME, 1);
  attach (self, org_cell (res->campaign->org_name), COL_ORG, 1);
  add_rates (self, res->organization, 1);

  for (guint i = 0; i < res->members->len; i++)
    add_member_row (self, g_ptr_array_index (res->members, i), 2 + (int)i);
}

static void
fill_summary (LxEvaluationView *self)
{
  LxMemberResult *org = self->results->organization;
  g_autofree char *rate = lx_evaluation_percent (org->overall);
  g_autofree char *members = lx_evaluation_percent (lx_grade_counts_rate (&self->results->all_members, -1));
  g_autofree char *text = NULL;

  if (org->previous >= 0 && org->overall >= 0)
    {
      g_autofree char *before = lx_evaluation_percent (org->previous);
      /* Translators: organization's rate, last year's, the members' rate */
      text = g_strdup_printf (_("The organization: %s satisfied or fairly satisfied (last year %s). "
                                "The members together: %s."), rate, before, members);
    }
  else
    text = g_strdup_printf (_("The organization: %s satisfied or fairly satisfied. The members together: %s."),
                            rate, members);
  gtk_label_set_text (self->organization_label, text);
}

static void
fill_chart (LxEvaluationView *self)
{
  g_autoptr(LxChart) chart = lx_chart_new (LX_CHART_BARS, _("Satisfaction per Item"));
  double org[LX_N_ITEMS], members[LX_N_ITEMS], before[LX_N_ITEMS];
  GtkWidget *child, *widget, *frame;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chart_box))) != NULL)
    gtk_box_remove (self->chart_box, child);
  for (int i = 0; i < LX_N_ITEMS; i++)
    {
      double m = lx_grade_counts_rate (&self->results->all_members, i);

      lx_chart_add_category (chart, lx_evaluation_item_short (i));
      org[i] = MAX (0, self->results->organization->rate[i]) * 100;
      members[i] = MAX (0, m) * 100;
      before[i] = MAX (0, self->results->organization->previous_rate[i]) * 100;
    }
  /* Year over year: the organization as the masses saw it last year. */
  if (self->results->organization->previous >= 0)
    lx_chart_add_series (chart, _("The organization, last year"), before, LX_N_ITEMS);
  lx_chart_add_series (chart, _("The organization"), org, LX_N_ITEMS);
  lx_chart_add_series (chart, _("The members"), members, LX_N_ITEMS);
  lx_chart_set_value_format (chart, 1, "%");
  lx_chart_set_y_max (chart, 100);

  widget = lx_chart_widget_new (chart);
  gtk_widget_set_size_request (widget, -1, 260);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), widget);
  gtk_widget_add_css_class (frame, "view");
  gtk_box_append (self->chart_box, frame);
}

static void
fill_remedial (LxEvaluationView *self)
{
  g_autoptr(GPtrArray) list = lx_evaluation_remedial (self->results);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->remedial_list))) != NULL)
    gtk_list_box_remove (self->remedial_list, child);
  for (guint i = 0; i < list->len; i++)
    {
      LxMemberResult *r = g_ptr_array_index (list, i);
      g_autofree char *rate = lx_evaluation_percent (r->overall);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *suffix = gtk_label_new (rate);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), r->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), r->org_name);
      gtk_widget_add_css_class (suffix, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
      gtk_list_box_append (self->remedial_list, row);
    }
  if (list->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      /* xgettext:no-c-format */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nobody is under 60 %"));
      gtk_list_box_append (self->remedial_list, row);
    }
}

/* The rule of lx-evaluation.h in the secretary's words, with this year's
 * one-third figure. */
static void
fill_rule (LxEvaluationView *self)
{
  guint n = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->results->members->len; i++)
    n += ((LxMemberResult *)g_ptr_array_index (self->results->members, i))->suggested != LX_REVIEW_NONE;
  /* Translators: %d and %d are the places for 优秀 and the members graded */
  text = g_strdup_printf (_("Suggested grades: unqualified under 40 per cent or without any visit in the "
                            "year, basically qualified under 60 per cent, otherwise qualified. Excellent "
                            "goes to the best-scoring members with at least 80 per cent whose pairings "
                            "meet their quota, at most %d of the %d members graded (one third); members "
                            "tied at that limit stay qualified. The final grade is yours: a different "
                            "one needs a reason."), (int)(n / 3), (int)n);
  gtk_label_set_text (self->rule_label, text);
}

void
lx_evaluation_results_fill (LxEvaluationView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = lx_date_today ();

  g_clear_pointer (&self->results, lx_evaluation_results_free);
  if (self->campaign == NULL)
    return;
  self->results = lx_evaluation_compute (self->store, self->campaign->id, today, &error);
  if (self->results == NULL)
    {
      gtk_label_set_text (self->organization_label, error->message);
      return;
    }
  /* Kept for the ledgers; a final grade is never touched. Rows already
   * right are not written, so this settles after one round. */
  if (!lx_store_is_read_only (self->store)
      && lx_evaluation_save_suggestions (self->store, self->results, &error) < 0)
    g_warning ("Cannot save the suggested grades: %s", error->message);
  fill_summary (self);
  fill_table (self);
  fill_chart (self);
  fill_remedial (self);
  fill_rule (self);
}

/* Override ---------------------------------------------------------------------------- */

typedef struct
{
  LxEvaluationView *view;
  gint64            campaign_id;
  gint64            member_id;
  GtkDropDown      *grade;
  GtkEditable      *reason;
} OverrideData;

static void
override_data_free (gpointer  user_data,
                    GClosure *closure)
{
  OverrideData *data = user_data;

  g_object_unref (data->view);
  g_free (data);
}

static void
on_reason_changed (GtkEditable      *reason,
                   AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (reason)));

  adw_message_dialog_set_response_enabled (dialog, "override", *text != '\0');
}

static void
on_override_response (AdwMessageDialog *dialog,
                      const char       *response,
                      OverrideData     *data)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (g_strcmp0 (response, "override") == 0)
    ok = lx_evaluation_set_final_grade (data->view->store, data->campaign_id, data->member_id,
                                        gtk_drop_down_get_selected (data->grade) + LX_REVIEW_EXCELLENT,
                                        gtk_editable_get_text (data->reason), &error);
  else if (g_strcmp0 (response, "clear") == 0)
    ok = lx_evaluation_clear_final_grade (data->view->store, data->campaign_id, data->member_id, &error);
  if (!ok)
    lx_evaluation_view_toast (data->view, error->message);
}

static GtkWidget *
override_form (OverrideData         *data,
               const LxMemberResult *r)
{
  const char *grades[] = {
    lx_review_grade_label (LX_REVIEW_EXCELLENT), lx_review_grade_label (LX_REVIEW_QUALIFIED),
    lx_review_grade_label (LX_REVIEW_BASICALLY), lx_review_grade_label (LX_REVIEW_UNQUALIFIED), NULL,
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *reason = gtk_entry_new ();
  LxReviewGrade current = r->final_grade != LX_REVIEW_NONE ? r->final_grade : r->suggested;

  data->grade = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (grades));
  if (current != LX_REVIEW_NONE)
    gtk_drop_down_set_selected (data->grade, current - LX_REVIEW_EXCELLENT);
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->grade), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Final grade"), -1);
  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("Reason (required)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reason), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  if (r->override_reason != NULL)
    gtk_editable_set_text (GTK_EDITABLE (reason), r->override_reason);
  data->reason = GTK_EDITABLE (reason);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->grade));
  gtk_box_append (GTK_BOX (box), reason);
  return box;
}

static void
on_override_clicked (GtkButton        *button,
                     LxEvaluationView *self)
{
  gint64 member_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "member-id"));
  LxMemberResult *r = self->results ? lx_evaluation_results_find (self->results, member_id) : NULL;
  OverrideData *data;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (r == NULL)
    return;
  data = g_new0 (OverrideData, 1);
  data->view = g_object_ref (self);
  data->campaign_id = self->campaign->id;
  data->member_id = member_id;
  heading = g_strdup_printf (_("Final Grade of %s"), r->name);
  body = g_strdup_printf (_("Suggested from the ballots and the year’s record: %s. A final grade that "
                            "differs needs a reason, which is kept with it."),
                          lx_review_grade_label (r->suggested));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), override_form (data, r));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (r->final_grade != LX_REVIEW_NONE)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "clear", _("_Use the Suggestion"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "override", _("_Set Grade"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "override",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "override");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (data->reason, "changed", G_CALLBACK (on_reason_changed), dialog);
  on_reason_changed (data->reason, ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_override_response), data,
                         override_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
