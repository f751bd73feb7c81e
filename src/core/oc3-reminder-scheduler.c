/* oc3-reminder-scheduler.c — decides when to remind the user of starred talks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "oc3-reminder-scheduler"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "oc3-reminder-scheduler.h"

#define DEFAULT_LEAD_MINUTES 10
#define MAX_LEAD_MINUTES (24 * 60)
#define USEC_PER_MINUTE (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)

/* Everything here works on instants (UTC), never on local times: a reminder
 * due at 01:20 UTC stays due then whatever the wall clock, the time zone or
 * DST say. Only the text shown to the user uses the display zone.
 *
 * Whether a reminder was shown is kept in the user store, keyed by the
 * instant it was due at, so it is shown once, also across restarts, and a
 * talk that moves gets a reminder for its new time. */

typedef struct
{
  char     *guid;
  char     *title;
  char     *room;
  gint64    start;
  gint64    end;
  int       lead_minutes;
  gboolean  enabled;
} Plan;

struct _Oc3ReminderScheduler
{
  GObject       parent_instance;

  Oc3Clock     *clock;
  Oc3UserStore *store;
  GHashTable   *plans;                /* guid → Plan */
  GTimeZone    *display_zone;
  int           default_lead_minutes;

  guint         alarm_id;
  gint64        next_due;
  gboolean      has_pending;

  /* Showing a reminder writes to the store, whose change signal asks for a
   * new plan: that is done once the current one is finished. */
  gboolean      in_replan;
  gboolean      replan_again;
};

G_DEFINE_FINAL_TYPE (Oc3ReminderScheduler, oc3_reminder_scheduler, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLOCK,
  PROP_STORE,
  PROP_DISPLAY_ZONE,
  PROP_DEFAULT_LEAD_MINUTES,
  PROP_HAS_PENDING,
  PROP_NEXT_DUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REMINDER_DUE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
plan_free (gpointer data)
{
  Plan *plan = data;

  g_free (plan->guid);
  g_free (plan->title);
  g_free (plan->room);
  g_free (plan);
}

static int
effective_lead_minutes (Oc3ReminderScheduler *self,
                        const Plan           *plan)
{
  int minutes = oc3_user_store_get_lead_minutes (self->store, plan->guid);

  if (minutes < 0)
    minutes = plan->lead_minutes;
  if (minutes < 0)
    minutes = self->default_lead_minutes;

  return minutes;
}

static gint64
plan_due (Oc3ReminderScheduler *self,
          const Plan           *plan)
{
  return plan->start - effective_lead_minutes (self, plan) * USEC_PER_MINUTE;
}

static gboolean
plan_wants_reminders (Oc3ReminderScheduler *self,
                      const Plan           *plan)
{
  return plan->enabled &&
         oc3_user_store_is_starred (self->store, plan->guid) &&
         oc3_user_store_get_reminder_enabled (self->store, plan->guid);
}

/* Texts -------------------------------------------------------------------- */

static char *
format_time (Oc3ReminderScheduler *self,
             gint64                instant,
             gboolean              with_day)
{
  g_autoptr (GDateTime) date_time = oc3_clock_instant_to_date_time (instant, self->display_zone);

  if (date_time == NULL)
    return g_strdup ("");

  /* Translators: a time of day in a notification, see g_date_time_format (). */
  return g_date_time_format (date_time, with_day ? _("%a %H:%M") : "%H:%M");
}

static char *
format_body (Oc3ReminderScheduler *self,
             const char           *room,
             gint64                start,
             gint64                end,
             gboolean              with_day)
{
  g_autofree char *start_text = format_time (self, start, with_day);
  g_autofree char *end_text = format_time (self, end, FALSE);

  if (room == NULL || *room == '\0')
    /* Translators: the body of a reminder: start and end time of a talk. */
    return g_strdup_printf (_("%s–%s"), start_text, end_text);

  /* Translators: the body of a reminder: room, then start and end time of a talk. */
  return g_strdup_printf (_("%s · %s–%s"), room, start_text, end_text);
}

/* "In 10 min: …", "Starting now: …" or "Started 4 min ago: …", from the time
 * the reminder is actually shown: a reminder shown late says so. */
static char *
format_reminder_title (const char *title,
                       gint64      start,
                       gint64      now)
{
  if (now < start)
    {
      gint64 minutes = (start - now + USEC_PER_MINUTE - 1) / USEC_PER_MINUTE;

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %d min: %s", "In %d min: %s",
                                           (gulong) minutes),
                              (int) minutes, title);
    }

  if (now - start < USEC_PER_MINUTE)
    return g_strdup_printf (_("Starting now: %s"), title);

  {
    gint64 minutes = (now - start) / USEC_PER_MINUTE;

    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Started %d min ago: %s",
                                         "Started %d min ago: %s", (gulong) minutes),
                            (int) minutes, title);
  }
}

static Oc3Reminder *
make_reminder (Oc3ReminderScheduler *self,
               const Plan           *plan,
               gint64                due,
               gboolean              snoozed,
               gint64                now)
{
  g_autofree char *title = format_reminder_title (plan->title, plan->start, now);
  g_autofree char *body = format_body (self, plan->room, plan->start, plan->end, FALSE);
  Oc3ReminderKind kind;

  if (snoozed)
    kind = OC3_REMINDER_SNOOZED;
  else if (now - plan->start < USEC_PER_MINUTE)
    kind = OC3_REMINDER_UPCOMING;
  else
    kind = OC3_REMINDER_STARTED;

  return oc3_reminder_new (plan->guid, kind, title, body, due, plan->start, plan->end);
}

/* Planning ------------------------------------------------------------------ */

static void replan (Oc3ReminderScheduler *self);

static void
alarm_cb (gpointer user_data)
{
  Oc3ReminderScheduler *self = user_data;

  self->alarm_id = 0;
  replan (self);
}

static int
compare_reminders (gconstpointer a,
                   gconstpointer b)
{
  Oc3Reminder *ra = *(Oc3Reminder * const *) a;
  Oc3Reminder *rb = *(Oc3Reminder * const *) b;
  gint64 due_a = oc3_reminder_get_due (ra);
  gint64 due_b = oc3_reminder_get_due (rb);

  if (due_a != due_b)
    return due_a < due_b ? -1 : 1;

  return strcmp (oc3_reminder_get_guid (ra), oc3_reminder_get_guid (rb));
}

/* Collects the reminders due at @now and returns the next instant one will
 * be due (G_MAXINT64 if none). */
static gint64
collect_due (Oc3ReminderScheduler *self,
             gint64                now,
             GPtrArray            *due_now)
{
  GHashTableIter iter;
  gint64 next = G_MAXINT64;
  Plan *plan;

  g_hash_table_iter_init (&iter, self->plans);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &plan))
    {
      gint64 due, snoozed_until;

      if (!plan_wants_reminders (self, plan))
        continue;

      /* A talk that is over is not worth a reminder any more, however it was
       * missed (the app was not running, the machine slept through it). */
      if (now >= plan->end)
        continue;

      /* A reminder delivered for any instant from the due time to the start
       * counts: after the lead time is made longer, a reminder already shown
       * later than the new due time is not shown again. */
      due = plan_due (self, plan);
      if (!oc3_user_store_was_delivered_between (self->store, plan->guid,
                                                 due, MAX (due, plan->start)))
        {
          if (due <= now)
            g_ptr_array_add (due_now, make_reminder (self, plan, due, FALSE, now));
          else
            next = MIN (next, due);
        }

      snoozed_until = oc3_user_store_get_snoozed_until (self->store, plan->guid);
      if (snoozed_until != 0 &&
          !oc3_user_store_was_delivered (self->store, plan->guid, snoozed_until))
        {
          if (snoozed_until <= now)
            g_ptr_array_add (due_now, make_reminder (self, plan, snoozed_until, TRUE, now));
          else
            next = MIN (next, snoozed_until);
        }
    }

  g_ptr_array_sort (due_now, compare_reminders);

  return next;
}

static void
emit_reminders (Oc3ReminderScheduler *self,
                GPtrArray            *reminders)
{
  g_autoptr (GError) error = NULL;

  if (reminders->len == 0)
    return;

  /* Noted before they are shown, and written at once rather than after the
   * store's usual delay: a reminder must not come back after a crash or a
   * restart. (A failed write is reported by the store's last-error.) */
  for (guint i = 0; i < reminders->len; i++)
    {
      Oc3Reminder *reminder = g_ptr_array_index (reminders, i);

      oc3_user_store_mark_delivered (self->store, oc3_reminder_get_guid (reminder),
                                     oc3_reminder_get_due (reminder));
    }
  if (!oc3_user_store_flush (self->store, &error))
    g_debug ("Delivered reminders not saved yet: %s", error->message);

  for (guint i = 0; i < reminders->len; i++)
    g_signal_emit (self, signals[REMINDER_DUE], 0, g_ptr_array_index (reminders, i));
}

static void
update_state (Oc3ReminderScheduler *self,
              gint64                next)
{
  gboolean has_pending = next != G_MAXINT64;
  gint64 next_due = has_pending ? next : 0;

  if (self->alarm_id != 0)
    oc3_clock_remove_alarm (self->clock, self->alarm_id);
  self->alarm_id = 0;
  if (has_pending)
    self->alarm_id = oc3_clock_add_alarm (self->clock, next, alarm_cb, self, NULL);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->next_due != next_due)
    {
      self->next_due = next_due;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_DUE]);
    }
  if (self->has_pending != has_pending)
    {
      self->has_pending = has_pending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_PENDING]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* Shows what is due now and sets the clock's alarm for what comes next. */
static void
replan (Oc3ReminderScheduler *self)
{
  gint64 next;

  if (self->in_replan)
    {
      self->replan_again = TRUE;
      return;
    }

  g_object_ref (self);
  self->in_replan = TRUE;

  do
    {
      g_autoptr (GPtrArray) due_now = g_ptr_array_new_with_free_func (g_object_unref);

      self->replan_again = FALSE;
      next = collect_due (self, oc3_clock_get_now (self->clock), due_now);
      emit_reminders (self, due_now);
    }
  while (self->replan_again);

  update_state (self, next);
  self->in_replan = FALSE;
  g_object_unref (self);
}

static void
store_changed_cb (Oc3ReminderScheduler *self,
                  const char           *guid,
                  Oc3UserStore         *store)
{
  Plan *plan;

  if (self->in_replan)
    {
      self->replan_again = TRUE;
      return;
    }

  /* Just starred: remember the talk as it is now, to notice moves later. The
   * user is looking at a talk they star, so one whose reminder time has
   * already come gets no reminder of it. */
  plan = g_hash_table_lookup (self->plans, guid);
  if (plan != NULL && oc3_user_store_is_starred (store, guid) &&
      !oc3_user_store_lookup_talk (store, guid, NULL, NULL, NULL, NULL))
    {
      gint64 due = plan_due (self, plan);

      self->in_replan = TRUE;
      oc3_user_store_remember_talk (store, guid, plan->title, plan->start, plan->end, plan->room);
      if (due <= oc3_clock_get_now (self->clock))
        oc3_user_store_mark_delivered (store, guid, due);
      self->in_replan = FALSE;
    }

  replan (self);
}

/* Compares the new program with the remembered copies of starred talks:
 * moved ones (new start or room) and vanished ones are announced once. */
static void
notice_changes (Oc3ReminderScheduler *self,
                GPtrArray            *notices)
{
  g_auto (GStrv) starred = oc3_user_store_get_starred_guids (self->store);
  gint64 now = oc3_clock_get_now (self->clock);

  for (guint i = 0; starred[i] != NULL; i++)
    {
      const char *guid = starred[i];
      Plan *plan = g_hash_table_lookup (self->plans, guid);
      g_autofree char *old_title = NULL;
      g_autofree char *old_room = NULL;
      gint64 old_start, old_end;
      gboolean remembered;
      gboolean cancel_notified;

      remembered = oc3_user_store_lookup_talk (self->store, guid, &old_title,
                                               &old_start, &old_end, &old_room);
      cancel_notified = oc3_user_store_get_cancel_notified (self->store, guid);

      if (plan != NULL)
        {
          gboolean moved = remembered && (old_start != plan->start ||
                                          g_strcmp0 (old_room, plan->room) != 0);

          if (moved && plan->enabled && now < plan->end)
            {
              g_autoptr (GDateTime) old_day = oc3_clock_instant_to_date_time (old_start,
                                                                             self->display_zone);
              g_autoptr (GDateTime) new_day = oc3_clock_instant_to_date_time (plan->start,
                                                                             self->display_zone);
              gboolean other_day = old_day && new_day &&
                                   g_date_time_get_day_of_year (old_day) !=
                                   g_date_time_get_day_of_year (new_day);
              g_autofree char *title = g_strdup_printf (_("Starred talk moved: %s"), plan->title);
              g_autofree char *body = format_body (self, plan->room, plan->start, plan->end,
                                                   other_day);

              g_ptr_array_add (notices, oc3_reminder_new (guid, OC3_REMINDER_MOVED, title, body,
                                                          now, plan->start, plan->end));
            }

          /* Back in the program after it was announced as cancelled. */
          if (cancel_notified)
            oc3_user_store_set_cancel_notified (self->store, guid, FALSE);
          oc3_user_store_remember_talk (self->store, guid, plan->title, plan->start, plan->end,
                                        plan->room);
        }
      else if (remembered && !cancel_notified && now < old_end)
        {
          g_autofree char *title = g_strdup_printf (_("Cancelled: %s"), old_title);
          g_autofree char *body = format_body (self, old_room, old_start, old_end, FALSE);

          g_ptr_array_add (notices, oc3_reminder_new (guid, OC3_REMINDER_CANCELLED, title, body,
                                                      now, old_start, old_end));
          oc3_user_store_set_cancel_notified (self->store, guid, TRUE);
        }
    }
}

/* GObject ------------------------------------------------------------------- */

static void
oc3_reminder_scheduler_constructed (GObject *object)
{
  Oc3ReminderScheduler *self = OC3_REMINDER_SCHEDULER (object);

  G_OBJECT_CLASS (oc3_reminder_scheduler_parent_class)->constructed (object);

  g_assert (self->clock != NULL);
  g_assert (self->store != NULL);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
oc3_reminder_scheduler_dispose (GObject *object)
{
  Oc3ReminderScheduler *self = OC3_REMINDER_SCHEDULER (object);

  if (self->alarm_id != 0 && self->clock != NULL)
    oc3_clock_remove_alarm (self->clock, self->alarm_id);
  self->alarm_id = 0;

  g_clear_object (&self->clock);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (oc3_reminder_scheduler_parent_class)->dispose (object);
}

static void
oc3_reminder_scheduler_finalize (GObject *object)
{
  Oc3ReminderScheduler *self = OC3_REMINDER_SCHEDULER (object);

  g_clear_pointer (&self->plans, g_hash_table_unref);
  g_clear_pointer (&self->display_zone, g_time_zone_unref);

  G_OBJECT_CLASS (oc3_reminder_scheduler_parent_class)->finalize (object);
}

static void
oc3_reminder_scheduler_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  Oc3ReminderScheduler *self = OC3_REMINDER_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DISPLAY_ZONE:
      g_value_set_boxed (value, self->display_zone);
      break;

    case PROP_DEFAULT_LEAD_MINUTES:
      g_value_set_int (value, self->default_lead_minutes);
      break;

    case PROP_HAS_PENDING:
      g_value_set_boolean (value, self->has_pending);
      break;

    case PROP_NEXT_DUE:
      g_value_set_int64 (value, self->next_due);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_reminder_scheduler_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  Oc3ReminderScheduler *self = OC3_REMINDER_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_DISPLAY_ZONE:
      oc3_reminder_scheduler_set_display_zone (self, g_value_get_boxed (value));
      break;

    case PROP_DEFAULT_LEAD_MINUTES:
      oc3_reminder_scheduler_set_default_lead_minutes (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_reminder_scheduler_class_init (Oc3ReminderSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = oc3_reminder_scheduler_constructed;
  object_class->dispose = oc3_reminder_scheduler_dispose;
  object_class->finalize = oc3_reminder_scheduler_finalize;
  object_class->get_property = oc3_reminder_scheduler_get_property;
  object_class->set_property = oc3_reminder_scheduler_set_property;

  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, OC3_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, OC3_TYPE_USER_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * Oc3ReminderScheduler:display-zone:
   *
   * The zone the times in reminders are written in: the conference's, or the
   * user's own. It changes no due time.
   */
  properties[PROP_DISPLAY_ZONE] =
    g_param_spec_boxed ("display-zone", NULL, NULL, G_TYPE_TIME_ZONE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DEFAULT_LEAD_MINUTES] =
    g_param_spec_int ("default-lead-minutes", NULL, NULL, 0, MAX_LEAD_MINUTES,
                      DEFAULT_LEAD_MINUTES,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * Oc3ReminderScheduler:has-pending:
   *
   * Whether a reminder is still to come: while it is, the app should keep
   * running (g_application_hold ()).
   */
  properties[PROP_HAS_PENDING] =
    g_param_spec_boolean ("has-pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * Oc3ReminderScheduler:next-due:
   *
   * The instant the next reminder is due at, or 0 if none is pending.
   */
  properties[PROP_NEXT_DUE] =
    g_param_spec_int64 ("next-due", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * Oc3ReminderScheduler::reminder-due:
   * @self: the scheduler
   * @reminder: what to show
   *
   * Time to show a notification. Each reminder comes once, also across
   * restarts; use oc3_reminder_get_notification_id () as the notification's
   * id so that a newer one about the same talk replaces the older.
   */
  signals[REMINDER_DUE] =
    g_signal_new ("reminder-due", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, OC3_TYPE_REMINDER);
}

static void
oc3_reminder_scheduler_init (Oc3ReminderScheduler *self)
{
  self->plans = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, plan_free);
  self->display_zone = g_time_zone_new_local ();
  self->default_lead_minutes = DEFAULT_LEAD_MINUTES;
}

/* Public API ------------------------------------------------------------------ */

/**
 * oc3_reminder_scheduler_new:
 * @clock: the time source: oc3_clock_new () in the app
 * @store: the loaded user store of the conference
 *
 * Returns: (transfer full): a scheduler with no talks yet
 */
Oc3ReminderScheduler *
oc3_reminder_scheduler_new (Oc3Clock     *clock,
                            Oc3UserStore *store)
{
  g_return_val_if_fail (OC3_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (OC3_IS_USER_STORE (store), NULL);

  return g_object_new (OC3_TYPE_REMINDER_SCHEDULER, "clock", clock, "store", store, NULL);
}

/**
 * oc3_reminder_scheduler_set_talks:
 * @self: a scheduler
 * @plans: (array length=n_plans): every talk of the program
 * @n_plans: how many
 *
 * Replaces the program. Starred talks whose start or room changed since the
 * last program are announced as moved (their reminder moves with them);
 * starred talks no longer in it as cancelled — once each, also across
 * restarts. Reminders that are due (missed while OC3 was not running) are
 * shown now. An empty program is taken as "none loaded", not as every talk
 * cancelled.
 */
void
oc3_reminder_scheduler_set_talks (Oc3ReminderScheduler  *self,
                                  const Oc3ReminderPlan *plans,
                                  gsize                  n_plans)
{
  g_autoptr (GPtrArray) notices = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (OC3_IS_REMINDER_SCHEDULER (self));
  g_return_if_fail (plans != NULL || n_plans == 0);

  g_hash_table_remove_all (self->plans);
  for (gsize i = 0; i < n_plans; i++)
    {
      Plan *plan;

      g_return_if_fail (plans[i].guid != NULL && plans[i].title != NULL);

      plan = g_new0 (Plan, 1);
      plan->guid = g_strdup (plans[i].guid);
      plan->title = g_strdup (plans[i].title);
      plan->room = g_strdup (plans[i].room != NULL ? plans[i].room : "");
      plan->start = plans[i].start;
      plan->end = MAX (plans[i].end, plans[i].start);
      plan->lead_minutes = CLAMP (plans[i].lead_minutes, -1, MAX_LEAD_MINUTES);
      plan->enabled = plans[i].enabled;
      g_hash_table_replace (self->plans, plan->guid, plan);
    }

  if (n_plans > 0)
    {
      g_autoptr (GError) error = NULL;

      g_object_ref (self);
      self->in_replan = TRUE;
      notice_changes (self, notices);
      self->in_replan = FALSE;

      if (notices->len > 0 && !oc3_user_store_flush (self->store, &error))
        g_debug ("Notices about moved talks not saved yet: %s", error->message);
      for (guint i = 0; i < notices->len; i++)
        g_signal_emit (self, signals[REMINDER_DUE], 0, g_ptr_array_index (notices, i));
      g_object_unref (self);
    }

  replan (self);
}

/**
 * oc3_reminder_scheduler_snooze:
 * @self: a scheduler
 * @guid: the talk whose reminder the user snoozed
 * @minutes: how long
 *
 * Reminds of the talk again in @minutes (an #OC3_REMINDER_SNOOZED reminder).
 *
 * Returns: %FALSE if the talk is unknown or will be over by then
 */
gboolean
oc3_reminder_scheduler_snooze (Oc3ReminderScheduler *self,
                               const char           *guid,
                               int                   minutes)
{
  Plan *plan;
  gint64 until;

  g_return_val_if_fail (OC3_IS_REMINDER_SCHEDULER (self), FALSE);
  g_return_val_if_fail (guid != NULL, FALSE);
  g_return_val_if_fail (minutes > 0 && minutes <= MAX_LEAD_MINUTES, FALSE);

  plan = g_hash_table_lookup (self->plans, guid);
  if (plan == NULL)
    return FALSE;

  until = oc3_clock_get_now (self->clock) + minutes * USEC_PER_MINUTE;
  if (until >= plan->end)
    return FALSE;

  oc3_user_store_set_snoozed_until (self->store, guid, until);
  replan (self);

  return TRUE;
}

GTimeZone *
oc3_reminder_scheduler_get_display_zone (Oc3ReminderScheduler *self)
{
  g_return_val_if_fail (OC3_IS_REMINDER_SCHEDULER (self), NULL);

  return self->display_zone;
}

/**
 * oc3_reminder_scheduler_set_display_zone:
 * @self: a scheduler
 * @zone: (nullable): the zone to write times in; %NULL for the local zone
 */
void
oc3_reminder_scheduler_set_display_zone (Oc3ReminderScheduler *self,
                                         GTimeZone            *zone)
{
  g_return_if_fail (OC3_IS_REMINDER_SCHEDULER (self));

  if (zone == self->display_zone)
    return;

  g_clear_pointer (&self->display_zone, g_time_zone_unref);
  self->display_zone = zone != NULL ? g_time_zone_ref (zone) : g_time_zone_new_local ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_ZONE]);
}

int
oc3_reminder_scheduler_get_default_lead_minutes (Oc3ReminderScheduler *self)
{
  g_return_val_if_fail (OC3_IS_REMINDER_SCHEDULER (self), DEFAULT_LEAD_MINUTES);

  return self->default_lead_minutes;
}

void
oc3_reminder_scheduler_set_default_lead_minutes (Oc3ReminderScheduler *self,
                                                 int                   minutes)
{
  g_return_if_fail (OC3_IS_REMINDER_SCHEDULER (self));
  g_return_if_fail (minutes >= 0 && minutes <= MAX_LEAD_MINUTES);

  if (self->default_lead_minutes == minutes)
    return;

  self->default_lead_minutes = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFAULT_LEAD_MINUTES]);

  /* During construction there is nothing to plan yet. */
  if (self->store != NULL && self->clock != NULL)
    replan (self);
}

gboolean
oc3_reminder_scheduler_get_has_pending (Oc3ReminderScheduler *self)
{
  g_return_val_if_fail (OC3_IS_REMINDER_SCHEDULER (self), FALSE);

  return self->has_pending;
}

gint64
oc3_reminder_scheduler_get_next_due (Oc3ReminderScheduler *self)
{
  g_return_val_if_fail (OC3_IS_REMINDER_SCHEDULER (self), 0);

  return self->next_due;
}
