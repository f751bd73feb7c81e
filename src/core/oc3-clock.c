/* oc3-clock.c — the time source of the reminder scheduler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "oc3-clock"

#include "config.h"

#include "oc3-clock.h"
#include "oc3-time.h"

/* GLib timeouts run on the monotonic clock, which stops while the machine is
 * suspended and knows nothing of the wall clock being set. So the system clock
 * never sleeps longer than this in one go, and compares alarms with the wall
 * clock on every wake-up: after a resume or a clock change an alarm is at most
 * this late. */
#define MAX_SLEEP_MS 30000

typedef struct
{
  guint              id;
  gint64             instant;
  Oc3ClockAlarmFunc  func;
  gpointer           user_data;
  GDestroyNotify     destroy;
} Alarm;

struct _Oc3Clock
{
  GObject    parent_instance;

  gboolean   manual;
  gint64     manual_now;

  GPtrArray *alarms;
  guint      next_alarm_id;
  guint      timeout_id;
};

G_DEFINE_FINAL_TYPE (Oc3Clock, oc3_clock, G_TYPE_OBJECT)

static void
alarm_free (gpointer data)
{
  Alarm *alarm = data;

  if (alarm->destroy != NULL)
    alarm->destroy (alarm->user_data);
  g_free (alarm);
}

/* The alarm to fire first: the earliest instant, and the first added among
 * equals, so that alarms due together fire in a predictable order. */
static Alarm *
earliest_alarm (Oc3Clock *self)
{
  Alarm *best = NULL;

  for (guint i = 0; i < self->alarms->len; i++)
    {
      Alarm *alarm = g_ptr_array_index (self->alarms, i);

      if (best == NULL || alarm->instant < best->instant ||
          (alarm->instant == best->instant && alarm->id < best->id))
        best = alarm;
    }

  return best;
}

static void reschedule (Oc3Clock *self);

/* Fires, in order, every alarm that is due at @now. Each alarm is taken out
 * of the list before its function runs, because the function may add or
 * remove alarms (the scheduler re-plans from there). */
static void
fire_due (Oc3Clock *self,
          gint64    now)
{
  Alarm *alarm;
  guint index;

  g_object_ref (self);

  while ((alarm = earliest_alarm (self)) != NULL && alarm->instant <= now)
    {
      if (!g_ptr_array_find (self->alarms, alarm, &index))
        g_assert_not_reached ();
      g_ptr_array_steal_index (self->alarms, index);

      alarm->func (alarm->user_data);
      alarm_free (alarm);
    }

  reschedule (self);
  g_object_unref (self);
}

static gboolean
timeout_cb (gpointer user_data)
{
  Oc3Clock *self = user_data;

  self->timeout_id = 0;
  fire_due (self, oc3_time_now_usec ());

  return G_SOURCE_REMOVE;
}

static void
reschedule (Oc3Clock *self)
{
  Alarm *alarm;
  gint64 wait_ms;

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (self->manual)
    return;

  alarm = earliest_alarm (self);
  if (alarm == NULL)
    return;

  /* Rounded up, so that a timeout firing on time finds the alarm due rather
   * than a fraction of a millisecond early. */
  wait_ms = (alarm->instant - oc3_time_now_usec () + 999) / 1000;
  wait_ms = CLAMP (wait_ms, 0, MAX_SLEEP_MS);
  self->timeout_id = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) wait_ms,
                                         timeout_cb, self, NULL);
}

static void
oc3_clock_dispose (GObject *object)
{
  Oc3Clock *self = OC3_CLOCK (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->alarms != NULL)
    g_ptr_array_set_size (self->alarms, 0);

  G_OBJECT_CLASS (oc3_clock_parent_class)->dispose (object);
}

static void
oc3_clock_finalize (GObject *object)
{
  Oc3Clock *self = OC3_CLOCK (object);

  g_clear_pointer (&self->alarms, g_ptr_array_unref);

  G_OBJECT_CLASS (oc3_clock_parent_class)->finalize (object);
}

static void
oc3_clock_class_init (Oc3ClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = oc3_clock_dispose;
  object_class->finalize = oc3_clock_finalize;
}

static void
oc3_clock_init (Oc3Clock *self)
{
  self->alarms = g_ptr_array_new_with_free_func (alarm_free);
  self->next_alarm_id = 1;
}

/**
 * oc3_clock_new:
 *
 * The system clock: now is oc3_time_now_usec () (the real time, or the
 * OC3_NOW override), and alarms fire from the
 * thread-default main context.
 */
Oc3Clock *
oc3_clock_new (void)
{
  return g_object_new (OC3_TYPE_CLOCK, NULL);
}

/**
 * oc3_clock_new_manual:
 * @now: the instant the clock starts at
 *
 * A clock for tests: time only moves with oc3_clock_set_now () and
 * oc3_clock_advance (), which fire the alarms that become due before they
 * return, so a whole conference day runs in milliseconds.
 */
Oc3Clock *
oc3_clock_new_manual (gint64 now)
{
  Oc3Clock *self = g_object_new (OC3_TYPE_CLOCK, NULL);

  self->manual = TRUE;
  self->manual_now = now;

  return self;
}

gboolean
oc3_clock_is_manual (Oc3Clock *self)
{
  g_return_val_if_fail (OC3_IS_CLOCK (self), FALSE);

  return self->manual;
}

gint64
oc3_clock_get_now (Oc3Clock *self)
{
  g_return_val_if_fail (OC3_IS_CLOCK (self), 0);

  return self->manual ? self->manual_now : oc3_time_now_usec ();
}

/**
 * oc3_clock_add_alarm:
 * @self: a clock
 * @instant: when to call @func
 * @func: called once, at or soon after @instant (at once if it is past)
 * @user_data: passed to @func
 * @destroy: (nullable): frees @user_data after @func ran or the alarm was removed
 *
 * Returns: an id for oc3_clock_remove_alarm (), never 0
 */
guint
oc3_clock_add_alarm (Oc3Clock          *self,
                     gint64             instant,
                     Oc3ClockAlarmFunc  func,
                     gpointer           user_data,
                     GDestroyNotify     destroy)
{
  Alarm *alarm;

  g_return_val_if_fail (OC3_IS_CLOCK (self), 0);
  g_return_val_if_fail (func != NULL, 0);

  alarm = g_new0 (Alarm, 1);
  alarm->id = self->next_alarm_id++;
  alarm->instant = instant;
  alarm->func = func;
  alarm->user_data = user_data;
  alarm->destroy = destroy;
  g_ptr_array_add (self->alarms, alarm);

  reschedule (self);

  return alarm->id;
}

void
oc3_clock_remove_alarm (Oc3Clock *self,
                        guint     alarm_id)
{
  g_return_if_fail (OC3_IS_CLOCK (self));

  for (guint i = 0; i < self->alarms->len; i++)
    {
      Alarm *alarm = g_ptr_array_index (self->alarms, i);

      if (alarm->id == alarm_id)
        {
          g_ptr_array_remove_index (self->alarms, i);
          reschedule (self);
          return;
        }
    }
}

/**
 * oc3_clock_set_now:
 * @self: a manual clock
 * @now: the new time
 *
 * Jumps to @now, as the wall clock does after a suspend: every alarm that is
 * due by then fires, and each of them sees @now as the time.
 */
void
oc3_clock_set_now (Oc3Clock *self,
                   gint64    now)
{
  g_return_if_fail (OC3_IS_CLOCK (self));
  g_return_if_fail (self->manual);

  self->manual_now = now;
  fire_due (self, now);
}

/**
 * oc3_clock_advance:
 * @self: a manual clock
 * @delta: microseconds to move forward
 *
 * Lets time pass while the machine is awake: each alarm fires with the clock
 * at its own instant, in order, then the clock stops at now + @delta.
 */
void
oc3_clock_advance (Oc3Clock *self,
                   gint64    delta)
{
  gint64 target;
  Alarm *alarm;

  g_return_if_fail (OC3_IS_CLOCK (self));
  g_return_if_fail (self->manual);
  g_return_if_fail (delta >= 0);

  target = self->manual_now + delta;

  g_object_ref (self);
  while ((alarm = earliest_alarm (self)) != NULL && alarm->instant <= target)
    {
      self->manual_now = MAX (self->manual_now, alarm->instant);
      fire_due (self, self->manual_now);
    }
  self->manual_now = target;
  g_object_unref (self);
}

/* GLib 2.78 has no g_date_time_to_unix_usec (). */
gint64
oc3_clock_instant_from_date_time (GDateTime *date_time)
{
  g_return_val_if_fail (date_time != NULL, 0);

  return g_date_time_to_unix (date_time) * G_USEC_PER_SEC +
         g_date_time_get_microsecond (date_time);
}

/**
 * oc3_clock_instant_to_date_time:
 * @instant: an instant
 * @zone: (nullable): the zone to express it in; UTC if %NULL
 *
 * Returns: (transfer full): @instant as a date and time in @zone
 */
GDateTime *
oc3_clock_instant_to_date_time (gint64     instant,
                                GTimeZone *zone)
{
  g_autoptr (GDateTime) utc = NULL;
  gint64 seconds = instant / G_USEC_PER_SEC;
  gint64 micro = instant % G_USEC_PER_SEC;

  /* Division truncates towards zero; instants before 1970 need flooring. */
  if (micro < 0)
    {
      seconds -= 1;
      micro += G_USEC_PER_SEC;
    }

  utc = g_date_time_new_from_unix_utc (seconds);
  if (utc == NULL)
    return NULL;
  if (micro != 0)
    {
      g_autoptr (GDateTime) exact = g_date_time_add (utc, micro);

      g_clear_pointer (&utc, g_date_time_unref);
      utc = g_steal_pointer (&exact);
    }

  if (zone == NULL)
    return g_steal_pointer (&utc);

  return g_date_time_to_timezone (utc, zone);
}
