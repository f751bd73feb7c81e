/* oc3-link.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define OC3_TYPE_LINK (oc3_link_get_type ())

/**
 * Oc3Link:
 * @url: an absolute URL (relative ones are resolved against the schedule's base URL)
 * @title: (nullable): what the link is, as the schedule says
 *
 * A talk's link or attachment. Immutable and reference counted: copying the
 * boxed type takes a reference.
 */
typedef struct {
  const char *url;
  const char *title;
} Oc3Link;

GType    oc3_link_get_type (void) G_GNUC_CONST;
Oc3Link *oc3_link_new      (const char *url,
                            const char *title);
Oc3Link *oc3_link_ref      (Oc3Link    *self);
void     oc3_link_unref    (Oc3Link    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Oc3Link, oc3_link_unref)

G_END_DECLS
