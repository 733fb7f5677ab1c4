package io.dunwell.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CPU seconds used by this JVM and by the PostgreSQL server (Linux /proc). On a machine that
 * others share, rows per second say more about the neighbours than about the code; CPU per row
 * does not.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100;

    private final long postmasterPid;

    CpuMeter(JdbcTemplate jdbc) {
        long backend = jdbc.queryForObject("select pg_backend_pid()", Long.class);
        this.postmasterPid = stat(backend) == null ? -1 : Long.parseLong(stat(backend)[3]);
    }

    double jvmSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** The server and its backends, live ones and those that have exited; NaN where /proc is missing. */
    double postgresSeconds() {
        String[] postmaster = stat(postmasterPid);
        if (postmaster == null) {
            return Double.NaN;
        }
        long ticks = ticks(postmaster, 13) + ticks(postmaster, 14) + ticks(postmaster, 15) + ticks(postmaster, 16);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            ticks += processes.map(Path::getFileName).map(Path::toString).filter(name -> name.matches("\\d+"))
                    .map(name -> stat(Long.parseLong(name))).filter(stat -> stat != null && Long.parseLong(stat[3]) == postmasterPid)
                    .mapToLong(stat -> ticks(stat, 13) + ticks(stat, 14)).sum();
        } catch (IOException e) {
            return Double.NaN;
        }
        return ticks / TICKS_PER_SECOND;
    }

    private static long ticks(String[] stat, int field) {
        return Long.parseLong(stat[field]);
    }

    /** The fields of /proc/pid/stat, numbered from 0, with the command name (which may hold spaces) as one field. */
    private static String[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int close = line.lastIndexOf(')');
            String[] rest = line.substring(close + 2).split(" ");
            String[] fields = new String[rest.length + 2];
            fields[0] = line.substring(0, line.indexOf(' '));
            fields[1] = line.substring(line.indexOf('(') + 1, close);
            System.arraycopy(rest, 0, fields, 2, rest.length);
            return fields;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
