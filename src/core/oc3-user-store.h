/* oc3-user-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The version of user.json this code writes. */
#define OC3_USER_STORE_FORMAT 2

#define OC3_TYPE_USER_STORE (oc3_user_store_get_type ())

G_DECLARE_FINAL_TYPE (Oc3UserStore, oc3_user_store, OC3, USER_STORE, GObject)

Oc3UserStore *oc3_user_store_new                    (const char    *conference_id);
Oc3UserStore *oc3_user_store_new_for_path           (const char    *path);
const char   *oc3_user_store_get_path               (Oc3UserStore  *self);

gboolean      oc3_user_store_load                   (Oc3UserStore  *self,
                                                     GError       **error);
gboolean      oc3_user_store_flush                  (Oc3UserStore  *self,
                                                     GError       **error);
const GError *oc3_user_store_get_last_error         (Oc3UserStore  *self);
const char   *oc3_user_store_get_recovery_message   (Oc3UserStore  *self);
char         *oc3_user_store_take_recovery_message  (Oc3UserStore  *self);

guint         oc3_user_store_get_save_delay         (Oc3UserStore  *self);
void          oc3_user_store_set_save_delay         (Oc3UserStore  *self,
                                                     guint          milliseconds);
guint         oc3_user_store_get_retry_interval     (Oc3UserStore  *self);
void          oc3_user_store_set_retry_interval     (Oc3UserStore  *self,
                                                     guint          milliseconds);

gboolean      oc3_user_store_is_starred             (Oc3UserStore  *self,
                                                     const char    *guid);
void          oc3_user_store_set_starred            (Oc3UserStore  *self,
                                                     const char    *guid,
                                                     gboolean       starred);
GStrv         oc3_user_store_get_starred_guids      (Oc3UserStore  *self);

gboolean      oc3_user_store_get_reminder_enabled   (Oc3UserStore  *self,
                                                     const char    *guid);
void          oc3_user_store_set_reminder_enabled   (Oc3UserStore  *self,
                                                     const char    *guid,
                                                     gboolean       enabled);
int           oc3_user_store_get_lead_minutes       (Oc3UserStore  *self,
                                                     const char    *guid);
void          oc3_user_store_set_lead_minutes       (Oc3UserStore  *self,
                                                     const char    *guid,
                                                     int            minutes);

void          oc3_user_store_mark_delivered         (Oc3UserStore  *self,
                                                     const char    *guid,
                                                     gint64         due);
gboolean      oc3_user_store_was_delivered          (Oc3UserStore  *self,
                                                     const char    *guid,
                                                     gint64         due);
gboolean      oc3_user_store_was_delivered_between  (Oc3UserStore  *self,
                                                     const char    *guid,
                                                     gint64         from,
                                                     gint64         to);
gint64        oc3_user_store_get_snoozed_until      (Oc3UserStore  *self,
                                                     const char    *guid);
void          oc3_user_store_set_snoozed_until      (Oc3UserStore  *self,
                                                     const char    *guid,
                                                     gint64         instant);
gboolean      oc3_user_store_get_cancel_notified    (Oc3UserStore  *self,
                                                     const char    *guid);
void          oc3_user_store_set_cancel_notified    (Oc3UserStore  *self,
                                                     const char    *guid,
                                                     gboolean       notified);

void          oc3_user_store_remember_talk          (Oc3UserStore  *self,
                                                     const char    *guid,
                                                     const char    *title,
                                                     gint64         start,
                                                     gint64         end,
                                                     const char    *room);
gboolean      oc3_user_store_lookup_talk            (Oc3UserStore  *self,
                                                     const char    *guid,
                                                     char         **title,
                                                     gint64        *start,
                                                     gint64        *end,
                                                     char         **room);

G_END_DECLS
