package org.veritally.server.startup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Station;
import org.veritally.core.model.Unit;

/**
 * The catalogue (units and stations, in the log's order) as it stood when the log had {@code size} entries
 * whose tree has root {@code root}: what an as-of snapshot leaves out (it names only how many units and stations
 * it covers), kept so that start-up need not read a row per station from the projections. The catalogue only
 * grows, in log order, so the first {@code u} units and {@code n} stations of an image are the catalogue of any
 * earlier size that had {@code u} units and {@code n} stations, and of any later size that still had
 * {@link #units}{@code .size()} and {@link #stations}{@code .size()}.
 *
 * <p>Immutable (the lists are copied; the root is copied in and out).
 */
public record CatalogueImage(long size, byte[] root, List<Unit> units, List<Station> stations) {
    public CatalogueImage {
        if (size < 0) throw new IllegalArgumentException("log size " + size);
        if (root.length != 32) throw new IllegalArgumentException("a root of " + root.length + " bytes");
        root = root.clone();
        units = List.copyOf(units);
        stations = List.copyOf(stations);
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    /** The image of {@code c}'s first {@code units} units and {@code stations} stations, at {@code size}. */
    public static CatalogueImage of(long size, byte[] root, Catalogue c, int units, int stations) {
        List<Unit> us = new ArrayList<>(units);
        for (int i = 0; i < units; i++) us.add(c.unit(i));
        List<Station> ss = new ArrayList<>(stations);
        for (int i = 0; i < stations; i++) ss.add(c.station(i));
        return new CatalogueImage(size, root, us, ss);
    }

    /** A new catalogue of the first {@code units} units and {@code stations} stations of this image. */
    public Catalogue catalogue(int units, int stations) {
        if (units > this.units.size() || stations > this.stations.size())
            throw new IllegalArgumentException("the image holds " + this.units.size() + " units and "
                    + this.stations.size() + " stations, fewer than " + units + " and " + stations);
        Catalogue c = new Catalogue();
        c.reserve(units, stations);
        for (int i = 0; i < units; i++) c.addUnit(this.units.get(i));
        c.addStations(this.stations.subList(0, stations));
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CatalogueImage c
                && c.size == size
                && Arrays.equals(c.root, root)
                && c.units.equals(units)
                && c.stations.equals(stations);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size) * 31 + Arrays.hashCode(root);
    }

    @Override
    public String toString() {
        return "CatalogueImage[size=" + size + ", units=" + units.size() + ", stations=" + stations.size() + "]";
    }
}
