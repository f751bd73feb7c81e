/* oc3-refresh-policy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "oc3-refresh-policy.h"

/* When to download the program again. Pure logic over times it is given, so
 * that it can be tested without waiting: every question takes the current
 * time as an argument instead of reading the clock.
 *
 * Normally a refresh is due one configured interval after the last success.
 * On the conference's days (in the conference's own time zone, from midnight
 * of the first day to midnight after the last) the interval is 15 minutes,
 * because that is when talks move.  After failures the next attempt backs off
 * exponentially from one minute, never waiting longer than the normal
 * interval, so a server that is down is not hammered, and a short outage
 * costs no more than a minute or two.
 */
struct _Oc3RefreshPolicy
{
  GObject    parent_instance;

  GTimeSpan  interval;
  GDateTime *conference_start;  /* The first day's midnight, or NULL. */
  GDateTime *conference_end;    /* The midnight after the last day, or NULL. */
  GDateTime *last_success;
  GDateTime *last_attempt;
  guint      consecutive_errors;
};

G_DEFINE_FINAL_TYPE (Oc3RefreshPolicy, oc3_refresh_policy, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INTERVAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
oc3_refresh_policy_finalize (GObject *object)
{
  Oc3RefreshPolicy *self = OC3_REFRESH_POLICY (object);

  g_clear_pointer (&self->conference_start, g_date_time_unref);
  g_clear_pointer (&self->conference_end, g_date_time_unref);
  g_clear_pointer (&self->last_success, g_date_time_unref);
  g_clear_pointer (&self->last_attempt, g_date_time_unref);

  G_OBJECT_CLASS (oc3_refresh_policy_parent_class)->finalize (object);
}

static void
oc3_refresh_policy_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  Oc3RefreshPolicy *self = OC3_REFRESH_POLICY (object);

  switch (prop_id)
    {
    case PROP_INTERVAL:
      g_value_set_int64 (value, self->interval);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_refresh_policy_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  Oc3RefreshPolicy *self = OC3_REFRESH_POLICY (object);

  switch (prop_id)
    {
    case PROP_INTERVAL:
      oc3_refresh_policy_set_interval (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_refresh_policy_class_init (Oc3RefreshPolicyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = oc3_refresh_policy_finalize;
  object_class->get_property = oc3_refresh_policy_get_property;
  object_class->set_property = oc3_refresh_policy_set_property;

  /**
   * Oc3RefreshPolicy:interval:
   *
   * The configured time between refreshes, in microseconds (a #GTimeSpan).
   * On the conference's days the policy refreshes more often.
   */
  properties[PROP_INTERVAL] =
    g_param_spec_int64 ("interval", NULL, NULL,
                        G_TIME_SPAN_MINUTE, G_MAXINT64 / 2, OC3_REFRESH_POLICY_DEFAULT_INTERVAL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
oc3_refresh_policy_init (Oc3RefreshPolicy *self)
{
  self->interval = OC3_REFRESH_POLICY_DEFAULT_INTERVAL;
}

Oc3RefreshPolicy *
oc3_refresh_policy_new (void)
{
  return g_object_new (OC3_TYPE_REFRESH_POLICY, NULL);
}

GTimeSpan
oc3_refresh_policy_get_interval (Oc3RefreshPolicy *self)
{
  g_return_val_if_fail (OC3_IS_REFRESH_POLICY (self), 0);

  return self->interval;
}

void
oc3_refresh_policy_set_interval (Oc3RefreshPolicy *self,
                                 GTimeSpan         interval)
{
  g_return_if_fail (OC3_IS_REFRESH_POLICY (self));
  /* Anything shorter would let a misconfiguration flood the server. */
  g_return_if_fail (interval >= G_TIME_SPAN_MINUTE);

  if (self->interval == interval)
    return;

  self->interval = interval;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
}

static GDateTime *
midnight_of (GDateTime *when,
             int        days_later)
{
  g_autoptr(GDateTime) midnight = NULL;

  /* In the zone @when carries (the conference's own), so that "the
   * conference's days" mean the days on the venue's wall clock. */
  midnight = g_date_time_new (g_date_time_get_timezone (when),
                              g_date_time_get_year (when),
                              g_date_time_get_month (when),
                              g_date_time_get_day_of_month (when),
                              0, 0, 0);
  return g_date_time_add_days (midnight, days_later);
}

/**
 * oc3_refresh_policy_set_conference_dates:
 * @start: (nullable): when the conference begins, in its own time zone
 * @end: (nullable): when it ends
 *
 * Sets the days on which the program is refreshed more often: every day
 * from @start's to @end's, whole days in their time zone.  Both %NULL for
 * none (a conference without dates).
 */
void
oc3_refresh_policy_set_conference_dates (Oc3RefreshPolicy *self,
                                         GDateTime        *start,
                                         GDateTime        *end)
{
  g_return_if_fail (OC3_IS_REFRESH_POLICY (self));
  g_return_if_fail ((start == NULL) == (end == NULL));

  g_clear_pointer (&self->conference_start, g_date_time_unref);
  g_clear_pointer (&self->conference_end, g_date_time_unref);

  if (start == NULL)
    return;

  self->conference_start = midnight_of (start, 0);
  self->conference_end = midnight_of (end, 1);

  /* A reversed range from a broken program means a one-day conference. */
  if (g_date_time_compare (self->conference_end, self->conference_start) <= 0)
    {
      g_date_time_unref (self->conference_end);
      self->conference_end = g_date_time_add_days (self->conference_start, 1);
    }
}

GDateTime *
oc3_refresh_policy_get_last_success (Oc3RefreshPolicy *self)
{
  g_return_val_if_fail (OC3_IS_REFRESH_POLICY (self), NULL);

  return self->last_success;
}

/**
 * oc3_refresh_policy_set_last_success:
 * @when: (nullable): the last time the program was downloaded or confirmed
 *   unchanged, for example the cache's checked time
 */
void
oc3_refresh_policy_set_last_success (Oc3RefreshPolicy *self,
                                     GDateTime        *when)
{
  g_return_if_fail (OC3_IS_REFRESH_POLICY (self));

  if (when != NULL)
    g_date_time_ref (when);
  g_clear_pointer (&self->last_success, g_date_time_unref);
  self->last_success = when;
}

GDateTime *
oc3_refresh_policy_get_last_attempt (Oc3RefreshPolicy *self)
{
  g_return_val_if_fail (OC3_IS_REFRESH_POLICY (self), NULL);

  return self->last_attempt;
}

guint
oc3_refresh_policy_get_consecutive_errors (Oc3RefreshPolicy *self)
{
  g_return_val_if_fail (OC3_IS_REFRESH_POLICY (self), 0);

  return self->consecutive_errors;
}

/**
 * oc3_refresh_policy_set_last_attempt:
 * @when: (nullable): the last time a refresh was tried, successful or not
 * @consecutive_errors: how many attempts in a row have failed, up to and
 *   including the one at @when
 */
void
oc3_refresh_policy_set_last_attempt (Oc3RefreshPolicy *self,
                                     GDateTime        *when,
                                     guint             consecutive_errors)
{
  g_return_if_fail (OC3_IS_REFRESH_POLICY (self));

  if (when != NULL)
    g_date_time_ref (when);
  g_clear_pointer (&self->last_attempt, g_date_time_unref);
  self->last_attempt = when;
  self->consecutive_errors = consecutive_errors;
}

void
oc3_refresh_policy_record_success (Oc3RefreshPolicy *self,
                                   GDateTime        *now)
{
  g_return_if_fail (OC3_IS_REFRESH_POLICY (self));
  g_return_if_fail (now != NULL);

  oc3_refresh_policy_set_last_success (self, now);
  oc3_refresh_policy_set_last_attempt (self, now, 0);
}

void
oc3_refresh_policy_record_failure (Oc3RefreshPolicy *self,
                                   GDateTime        *now)
{
  g_return_if_fail (OC3_IS_REFRESH_POLICY (self));
  g_return_if_fail (now != NULL);

  oc3_refresh_policy_set_last_attempt (self, now,
                                       self->consecutive_errors == G_MAXUINT
                                       ? G_MAXUINT : self->consecutive_errors + 1);
}

static gboolean
is_conference_day (Oc3RefreshPolicy *self,
                   GDateTime        *when)
{
  return self->conference_start != NULL &&
         g_date_time_compare (self->conference_start, when) <= 0 &&
         g_date_time_compare (when, self->conference_end) < 0;
}

/**
 * oc3_refresh_policy_get_effective_interval:
 * @now: the current time
 *
 * Returns: the time between successful refreshes that applies at @now: the
 *   configured interval, or 15 minutes on the conference's days (or the
 *   configured interval, if that is shorter still)
 */
GTimeSpan
oc3_refresh_policy_get_effective_interval (Oc3RefreshPolicy *self,
                                           GDateTime        *now)
{
  g_return_val_if_fail (OC3_IS_REFRESH_POLICY (self), 0);
  g_return_val_if_fail (now != NULL, 0);

  if (is_conference_day (self, now))
    return MIN (self->interval, OC3_REFRESH_POLICY_CONFERENCE_INTERVAL);

  return self->interval;
}

static GTimeSpan
backoff_for (Oc3RefreshPolicy *self,
             GDateTime        *attempt)
{
  GTimeSpan cap = oc3_refresh_policy_get_effective_interval (self, attempt);
  GTimeSpan backoff = OC3_REFRESH_POLICY_FIRST_RETRY;

  /* 1, 2, 4, 8 … minutes; doubling stops at the cap, which also keeps a
   * huge error count from overflowing. */
  for (guint i = 1; i < self->consecutive_errors && backoff < cap; i++)
    backoff *= 2;

  return MIN (backoff, cap);
}

/**
 * oc3_refresh_policy_get_next_refresh:
 * @now: the current time
 *
 * Returns: (transfer full): when the next refresh is due; @now (or earlier)
 *   if it is due already
 */
GDateTime *
oc3_refresh_policy_get_next_refresh (Oc3RefreshPolicy *self,
                                     GDateTime        *now)
{
  GDateTime *base;
  g_autoptr(GDateTime) next = NULL;

  g_return_val_if_fail (OC3_IS_REFRESH_POLICY (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (self->consecutive_errors > 0 && self->last_attempt != NULL)
    {
      base = self->last_attempt;
      next = g_date_time_add (base, backoff_for (self, base));
    }
  else
    {
      base = self->last_success;
      if (base == NULL)
        return g_date_time_ref (now);

      next = g_date_time_add (base, oc3_refresh_policy_get_effective_interval (self, base));

      /* The first refresh of the conference's first day happens as it
       * begins, not up to an interval later. */
      if (self->conference_start != NULL &&
          g_date_time_compare (base, self->conference_start) < 0 &&
          g_date_time_compare (self->conference_start, next) < 0)
        {
          g_date_time_unref (next);
          next = g_date_time_ref (self->conference_start);
        }
    }

  /* A last attempt in the future means the clock was set back (or the cache
   * came from another machine): waiting for it could take arbitrarily long. */
  if (g_date_time_compare (base, now) > 0)
    return g_date_time_ref (now);

  return g_steal_pointer (&next);
}

/**
 * oc3_refresh_policy_is_due:
 * @now: the current time
 *
 * Returns: whether a refresh should start at @now
 */
gboolean
oc3_refresh_policy_is_due (Oc3RefreshPolicy *self,
                           GDateTime        *now)
{
  g_autoptr(GDateTime) next = NULL;

  g_return_val_if_fail (OC3_IS_REFRESH_POLICY (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  next = oc3_refresh_policy_get_next_refresh (self, now);
  return g_date_time_compare (next, now) <= 0;
}
