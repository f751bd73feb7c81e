/* oc3-starred-func.h — how lists of talks learn which talks the user starred.
 *
 * The lists do not know where stars are kept (that is the user's data, owned
 * elsewhere); whoever shows a list passes a function that answers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "oc3-talk.h"

G_BEGIN_DECLS

/**
 * Oc3TalkStarredFunc:
 * @talk: a talk in the list
 * @user_data: the data given with the function
 *
 * Returns: whether @talk is starred
 */
typedef gboolean (*Oc3TalkStarredFunc) (Oc3Talk  *talk,
                                        gpointer  user_data);

G_END_DECLS
