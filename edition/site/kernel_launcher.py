"""The kernel the build and the tests start: ipykernel, with tornado's closed-stream warning
dropped (``kernels.quiet_closed_stream_warning``). A kernel writes to the stderr of the process
that started it, so the message would otherwise reach the build's output from the kernel itself."""

from ipykernel import kernelapp

from edition.site.kernels import quiet_closed_stream_warning

if __name__ == "__main__":
    quiet_closed_stream_warning()
    kernelapp.launch_new_instance()
