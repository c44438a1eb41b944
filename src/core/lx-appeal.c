/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-appeal"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-appeal.h"
#include "lx-date.h"
#include "lx-repo.h"

G_DEFINE_FINAL_TYPE (LxAppeal, lx_appeal, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (LxAppealStep, lx_appeal_step, G_TYPE_OBJECT)

static void
lx_appeal_finalize (GObject *object)
{
  LxAppeal *self = LX_APPEAL (object);
  char **strings[] = {
    &self->received_on, &self->channel, &self->anonymous_name, &self->concern, &self->domain,
    &self->priority, &self->description, &self->deadline, &self->mechanism, &self->status,
    &self->resolution_level, &self->resolution, &self->superior_answer, &self->closed_on,
    &self->followup_on, &self->satisfaction, &self->household_name, &self->assignee_name,
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_clear_pointer (strings[i], g_free);
  G_OBJECT_CLASS (lx_appeal_parent_class)->finalize (object);
}

static void
lx_appeal_class_init (LxAppealClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lx_appeal_finalize;
}

static void
lx_appeal_init (LxAppeal *self)
{
}

static void
lx_appeal_step_finalize (GObject *object)
{
  LxAppealStep *self = LX_APPEAL_STEP (object);

  g_free (self->at);
  g_free (self->member_name);
  g_free (self->from_status);
  g_free (self->to_status);
  g_free (self->note);
  G_OBJECT_CLASS (lx_appeal_step_parent_class)->finalize (object);
}

static void
lx_appeal_step_class_init (LxAppealStepClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lx_appeal_step_finalize;
}

static void
lx_appeal_step_init (LxAppealStep *self)
{
}

LxAppeal *
lx_appeal_new (void)
{
  return g_object_new (LX_TYPE_APPEAL, NULL);
}

/* The household's head, or the name an anonymous person gave. */
const char *
lx_appeal_get_who (LxAppeal *self)
{
  g_return_val_if_fail (LX_IS_APPEAL (self), NULL);

  if (self->household_name != NULL)
    return self->household_name;
  if (self->anonymous_name != NULL && *self->anonymous_name != '\0')
    return self->anonymous_name;
  return _("Anonymous");
}

/* Resolved, responded to or closed: nothing more is owed by its deadline. */
gboolean
lx_appeal_is_done (const char *status)
{
  return g_strcmp0 (status, "resolved") == 0 || g_strcmp0 (status, "responded") == 0 ||
         g_strcmp0 (status, "closed") == 0;
}

LxAppealDue
lx_appeal_due (LxAppeal   *self,
               const char *today)
{
  int days;

  g_return_val_if_fail (LX_IS_APPEAL (self), LX_APPEAL_DUE_NONE);

  if (self->deadline == NULL || lx_appeal_is_done (self->status))
    return LX_APPEAL_DUE_NONE;
  days = lx_date_days_between (today, self->deadline);
  if (days < 0)
    return LX_APPEAL_DUE_OVERDUE;
  if (days <= LX_APPEAL_DUE_SOON_DAYS)
    return LX_APPEAL_DUE_SOON;
  return LX_APPEAL_DUE_LATER;
}

/* Labels --------------------------------------------------------------- */

typedef struct
{
  const char *code;
  const char *label;
  const char *context;   /* for labels marked with NC_ */
} Label;

static const Label channel_labels[] = {
  { "home_visit", N_("Home visit") },
  { "field_visit", N_("Field visit") },
  { "reception", N_("Reception day") },
  { "suggestion_box", N_("Suggestion box") },
  { "hotline", N_("Hotline") },
  { "report_line", N_("Report line") },
  { "website", N_("Party or e-government website") },
  { "other", N_("Other channel") },
};

static const Label concern_labels[] = {
  /* Translators: the five kinds of concern of the masses: 想·盼·愁·忧·难 */
  { "think", NC_("concern", "Wish"), "concern" },
  { "hope", NC_("concern", "Hope"), "concern" },
  { "worry", NC_("concern", "Worry"), "concern" },
  { "anxiety", NC_("concern", "Anxiety"), "concern" },
  { "hardship", NC_("concern", "Hardship"), "concern" },
};

static const Label domain_labels[] = {
  { "employment", N_("Employment") },
  { "education", N_("Education") },
  { "medical", N_("Medical care") },
  { "environment", N_("Environment") },
  { "political", N_("Political") },
  { "culture", N_("Culture") },
  { "legal", N_("Legal") },
  { "other", NC_("domain", "Other"), "domain" },
};

static const Label priority_labels[] = {
  { "most_practical", N_("Most practical") },
  { "most_concerned", N_("Most concerned") },
  { "most_direct", N_("Most direct") },
};

static const Label mechanism_labels[] = {
  { "self_help", N_("Self and mutual help") },
  { "window", N_("Service window") },
  { "coordinated", N_("Coordinated by superiors") },
};

static const Label status_labels[] = {
  { "received", N_("Received") },
  { "in_progress", N_("In progress") },
  { "resolved", N_("Resolved") },
  { "responded", N_("Responded") },
  { "escalated", N_("Escalated") },
  { "closed", N_("Closed") },
};

static const Label level_labels[] = {
  { "branch", N_("Solved by the branch") },
  { "service_centre", N_("Solved at the service centre") },
  { "street", N_("Coordinated by the street or town") },
  { "upward", N_("Escalated upward") },
  { "pending_hard", N_("Hard to solve for now") },
};

static const Label satisfaction_labels[] = {
  { "satisfied", N_("Satisfied") },
  { "fairly", N_("Fairly satisfied") },
  { "basically", N_("Basically satisfied") },
  { "dissatisfied", N_("Dissatisfied") },
};

/* NC_ marks a context for xgettext; the label then needs g_dpgettext2. */
static const char *
lookup (const Label *labels,
        guint        n,
        const char  *code)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (labels[i].code, code) == 0)
      return labels[i].context != NULL
             ? g_dpgettext2 (GETTEXT_PACKAGE, labels[i].context, labels[i].label)
             : _(labels[i].label);
  return code != NULL ? code : "";
}

#define LABEL_FN(name, table)                                     \
  const char *                                                    \
  name (const char *code)                                         \
  {                                                               \
    return lookup (table, G_N_ELEMENTS (table), code);            \
  }

LABEL_FN (lx_appeal_channel_label, channel_labels)
LABEL_FN (lx_appeal_concern_label, concern_labels)
LABEL_FN (lx_appeal_domain_label, domain_labels)
LABEL_FN (lx_appeal_priority_label, priority_labels)
LABEL_FN (lx_appeal_mechanism_label, mechanism_labels)
LABEL_FN (lx_appeal_status_label, status_labels)
LABEL_FN (lx_appeal_level_label, level_labels)
LABEL_FN (lx_appeal_satisfaction_label, satisfaction_labels)

#undef LABEL_FN

#define CODES_FN(name, ...)                                       \
  const char * const *                                            \
  name (void)                                                     \
  {                                                               \
    static const char * const codes[] = { __VA_ARGS__, NULL };    \
    return codes;                                                 \
  }

CODES_FN (lx_appeal_channels, "home_visit", "field_visit", "reception", "suggestion_box",
          "hotline", "report_line", "website", "other")
CODES_FN (lx_appeal_concerns, "think", "hope", "worry", "anxiety", "hardship")
CODES_FN (lx_appeal_domains, "employment", "education", "medical", "environment", "political",
          "culture", "legal", "other")
CODES_FN (lx_appeal_priorities, "most_practical", "most_concerned", "most_direct")
CODES_FN (lx_appeal_mechanisms, "self_help", "window", "coordinated")
CODES_FN (lx_appeal_statuses, "received", "in_progress", "resolved", "responded", "escalated",
          "closed")
CODES_FN (lx_appeal_levels, "branch", "service_centre", "street", "upward", "pending_hard")
CODES_FN (lx_appeal_satisfactions, "satisfied", "fairly", "basically", "dissatisfied")

#undef CODES_FN

/* Workflow ------------------------------------------------------------- */

/* Every step an appeal may take. An escalated appeal goes on to closed only
 * once the superior's answer is in (checked by the repository, which sees
 * the row); resolved and responded close after the follow-up call. */
static const struct { const char *from, *to; } transitions[] = {
  { "received", "in_progress" },
  { "in_progress", "resolved" },
  { "in_progress", "responded" },
  { "in_progress", "escalated" },
  { "resolved", "closed" },
  { "responded", "closed" },
  { "escalated", "closed" },
};

GStrv
lx_appeal_next_statuses (const char *from)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    if (g_strcmp0 (transitions[i].from, from) == 0)
      g_strv_builder_add (builder, transitions[i].to);
  return g_strv_builder_end (builder);
}

static gboolean
is_status (const char *code)
{
  return code != NULL && g_strv_contains (lx_appeal_statuses (), code);
}

/**
 * lx_appeal_transition_allowed:
 *
 * Returns: TRUE when an appeal may go from @from to @to; otherwise FALSE
 *   with an error that names both and what is possible instead.
 */
gboolean
lx_appeal_transition_allowed (const char  *from,
                              const char  *to,
                              GError     **error)
{
  g_auto(GStrv) next = NULL;
  g_autoptr(GString) options = NULL;

  if (!is_status (to))
    {
      g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                   _("“%s” is not a status of an appeal"), to ? to : "");
      return FALSE;
    }
  next = lx_appeal_next_statuses (from);
  if (g_strv_contains ((const char * const *)next, to))
    return TRUE;

  options = g_string_new (NULL);
  for (guint i = 0; next[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (options, _(", "));
      g_string_append (options, lx_appeal_status_label (next[i]));
    }
  if (next[0] == NULL)
    g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                 _("An appeal cannot go from “%s” to “%s”: a closed appeal is finished"),
                 lx_appeal_status_label (from), lx_appeal_status_label (to));
  else
    g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                 _("An appeal cannot go from “%s” to “%s”; from “%s” it can go to: %s"),
                 lx_appeal_status_label (from), lx_appeal_status_label (to),
                 lx_appeal_status_label (from), options->str);
  return FALSE;
}
