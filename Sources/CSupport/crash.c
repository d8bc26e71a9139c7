#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>
#include "CSupport.h"

// The crash recorder (see CSupport.h). Everything the handler reads is prepared beforehand: the
// path and header in static buffers, the runtime's message buffer looked up once.

static const int crash_signals[] = {SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE};
#define CRASH_SIGNAL_COUNT (int)(sizeof(crash_signals) / sizeof(crash_signals[0]))
static struct sigaction previous_actions[CRASH_SIGNAL_COUNT];
static int installed = 0;
static char record_path[1024];
static char record_header[512];
static int recorded = 0;
static __thread char current_job[37];
/// The Swift runtime's `std::atomic<const char *>` holding the last fatal-error message (Linux).
static const char *volatile *fatal_message = 0;

void gaffer_crash_set_job(const char *job_id) {
  if (job_id) {
    strncpy(current_job, job_id, 36);
    current_job[36] = 0;
  } else {
    current_job[0] = 0;
  }
}

static void put(int fd, const char *text, size_t length) {
  while (length > 0) {
    ssize_t n = write(fd, text, length);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    text += n;
    length -= (size_t)n;
  }
}

static void put_text(int fd, const char *text) { put(fd, text, strlen(text)); }

static void put_int(int fd, long value) {
  char digits[24];
  int i = sizeof(digits);
  int negative = value < 0;
  unsigned long v = negative ? -(unsigned long)value : (unsigned long)value;
  do { digits[--i] = (char)('0' + v % 10); v /= 10; } while (v && i > 1);
  if (negative) digits[--i] = '-';
  put(fd, digits + i, sizeof(digits) - (size_t)i);
}

static void record(int signal_number) {
  if (__atomic_exchange_n(&recorded, 1, __ATOMIC_ACQ_REL)) return;
  int fd = open(record_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return;
  put_text(fd, record_header);
  put_text(fd, "signal ");
  put_int(fd, signal_number);
  put_text(fd, "\njob ");
  put_text(fd, current_job[0] ? current_job : "-");
  char name[17] = {0};
  prctl(PR_GET_NAME, name, 0, 0, 0);
  put_text(fd, "\nthread ");
  put_text(fd, name);
  put_text(fd, "\nmessage\n");
  const char *message = fatal_message ? __atomic_load_n(fatal_message, __ATOMIC_ACQUIRE) : 0;
  // Bounded: the runtime's message is the text of a fatalError, which a body may make as long as it likes.
  if (message) put(fd, message, strnlen(message, 16384));
  close(fd);
}

static void crash_handler(int signal_number, siginfo_t *info, void *context) {
  (void)info;
  (void)context;
  record(signal_number);
  for (int i = 0; i < CRASH_SIGNAL_COUNT; i++) {
    if (crash_signals[i] == signal_number) sigaction(signal_number, &previous_actions[i], 0);
  }
  // The previous handler (the Swift backtracer) must see the crash as the kernel delivers it, not
  // as a call from here (called directly, it reported the wrong thread): returning re-runs the
  // faulting instruction under it. A raised signal does not re-run, so it is raised again; it is
  // blocked while this handler runs and arrives on return.
  if (info && info->si_code <= 0) raise(signal_number);
}

int gaffer_crash_install(const char *path, const char *header) {
  strncpy(record_path, path, sizeof(record_path) - 1);
  strncpy(record_header, header, sizeof(record_header) - 1);
  if (installed) return 0;
  typedef const char *volatile *(*buffer_getter)(void);
  buffer_getter getter = (buffer_getter)dlsym(RTLD_DEFAULT, "swift_getFatalErrorMessageBuffer");
  if (getter) fatal_message = getter();
  for (int i = 0; i < CRASH_SIGNAL_COUNT; i++) {
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    if (sigaction(crash_signals[i], 0, &previous_actions[i]) != 0) return -1;
    action.sa_sigaction = crash_handler;
    action.sa_mask = previous_actions[i].sa_mask;
    action.sa_flags = (previous_actions[i].sa_flags | SA_SIGINFO | SA_ONSTACK) & ~SA_RESETHAND;
    if (sigaction(crash_signals[i], &action, 0) != 0) return -1;
  }
  installed = 1;
  return 0;
}
