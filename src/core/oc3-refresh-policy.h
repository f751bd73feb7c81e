/* oc3-refresh-policy.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The configured interval between refreshes, unless set otherwise. */
#define OC3_REFRESH_POLICY_DEFAULT_INTERVAL (G_TIME_SPAN_HOUR)
/* The interval on the conference's own days, when rooms and times change most. */
#define OC3_REFRESH_POLICY_CONFERENCE_INTERVAL (15 * G_TIME_SPAN_MINUTE)
/* The first retry after a failure; each further failure doubles it. */
#define OC3_REFRESH_POLICY_FIRST_RETRY (G_TIME_SPAN_MINUTE)

#define OC3_TYPE_REFRESH_POLICY (oc3_refresh_policy_get_type ())

G_DECLARE_FINAL_TYPE (Oc3RefreshPolicy, oc3_refresh_policy, OC3, REFRESH_POLICY, GObject)

Oc3RefreshPolicy *oc3_refresh_policy_new                     (void);

GTimeSpan         oc3_refresh_policy_get_interval            (Oc3RefreshPolicy *self);
void              oc3_refresh_policy_set_interval            (Oc3RefreshPolicy *self,
                                                              GTimeSpan         interval);
void              oc3_refresh_policy_set_conference_dates    (Oc3RefreshPolicy *self,
                                                              GDateTime        *start,
                                                              GDateTime        *end);
GDateTime        *oc3_refresh_policy_get_last_success        (Oc3RefreshPolicy *self);
void              oc3_refresh_policy_set_last_success        (Oc3RefreshPolicy *self,
                                                              GDateTime        *when);
GDateTime        *oc3_refresh_policy_get_last_attempt        (Oc3RefreshPolicy *self);
guint             oc3_refresh_policy_get_consecutive_errors  (Oc3RefreshPolicy *self);
void              oc3_refresh_policy_set_last_attempt        (Oc3RefreshPolicy *self,
                                                              GDateTime        *when,
                                                              guint             consecutive_errors);
void              oc3_refresh_policy_record_success          (Oc3RefreshPolicy *self,
                                                              GDateTime        *now);
void              oc3_refresh_policy_record_failure          (Oc3RefreshPolicy *self,
                                                              GDateTime        *now);

GTimeSpan         oc3_refresh_policy_get_effective_interval  (Oc3RefreshPolicy *self,
                                                              GDateTime        *now);
GDateTime        *oc3_refresh_policy_get_next_refresh        (Oc3RefreshPolicy *self,
                                                              GDateTime        *now);
gboolean          oc3_refresh_policy_is_due                  (Oc3RefreshPolicy *self,
                                                              GDateTime        *now);

G_END_DECLS
