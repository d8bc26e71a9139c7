#ifndef GAFFER_CSUPPORT_H
#define GAFFER_CSUPPORT_H
#include <sys/types.h>

/// Names the calling thread (Swift's Glibc module lacks _GNU_SOURCE, so pthread_setname_np is hidden).
void gaffer_set_thread_name(const char *name);

/// Looks up a user's uid and gid by name; returns 0 on success.
int gaffer_lookup_user(const char *name, uid_t *uid, gid_t *gid);

/// The Swift runtime's hook called at every `throw` with the error's box (the one swift-testing uses).
typedef void (*gaffer_will_throw_hook)(void *error);

/// Installs `hook` as `_swift_willThrow` and stores the previous hook in `previous`; returns -1 (and
/// installs nothing) when the runtime has no such hook.
int gaffer_set_will_throw_hook(gaffer_will_throw_hook hook, gaffer_will_throw_hook *previous);

/// Installs the crash recorder: on SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS or SIGFPE it writes, once,
/// a record to `path` (`header`, then the signal, the crashing thread's job (`gaffer_crash_set_job`)
/// and name, and the Swift runtime's fatal-error message), then hands the signal on to the handler
/// installed before it (the Swift backtracer). Only async-signal-safe calls run in the handler.
/// Returns -1 if a handler could not be installed. Calling it again replaces path and header.
int gaffer_crash_install(const char *path, const char *header);

/// Sets the job (its 36-character id; NULL clears it) the calling thread runs, for the crash record.
void gaffer_crash_set_job(const char *job_id);
#endif
