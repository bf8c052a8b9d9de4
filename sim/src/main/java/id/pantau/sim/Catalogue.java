package id.pantau.sim;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Real names of regional government units (OPD) of the three simulated cities. The city picks from
 * here; the first entries of each region (its core) are always present so that ids such as
 * tng-disdukcapil or jyp-puskesmas-abepura are stable across seeds.
 */
final class Catalogue {
  private Catalogue() {}

  /** The kind of a unit sets its usual size. */
  enum Kind {
    SEKRETARIAT(120, 220),
    DINAS(50, 160),
    BADAN(40, 130),
    RSUD(150, 250),
    PUSKESMAS(18, 50),
    KECAMATAN(25, 60),
    KELURAHAN(10, 22);

    final int minSize;
    final int maxSize;

    Kind(int minSize, int maxSize) {
      this.minSize = minSize;
      this.maxSize = maxSize;
    }

    /** Offices of the line departments sit near the city hall; the others out in the city. */
    boolean nearCityHall() {
      return this == SEKRETARIAT || this == DINAS || this == BADAN;
    }
  }

  /**
   * One unit as the catalogue knows it.
   *
   * @param floorShare for essential units, the share of the headcount that must be present
   * @param duty its round-the-clock rota and field duty
   */
  record Entry(
      String suffix, String name, Kind kind, boolean essential, double floorShare, Duty duty) {
    boolean roundTheClock() {
      return duty.roundTheClock();
    }
  }

  /** A region with its unit names: the core first, then the pool the seed picks from. */
  record RegionSpec(
      String id,
      String prefix,
      String name,
      String province,
      ZoneId zone,
      double lat,
      double lon,
      List<Entry> core,
      List<Entry> pool) {
    int size() {
      return core.size() + pool.size();
    }
  }

  // Essential services per the seeds (Tangsel 000, Bogor 003): a floor of staff stays present.
  private static Entry essential(
      String suffix, String name, Kind kind, double floorShare, Duty duty) {
    return new Entry(suffix, name, kind, true, floorShare, duty);
  }

  private static Entry office(String suffix, String name, Kind kind) {
    return office(suffix, name, kind, Duty.OFFICE);
  }

  private static Entry office(String suffix, String name, Kind kind, Duty duty) {
    return new Entry(suffix, name, kind, false, 0, duty);
  }

  private static Entry kecamatan(String slug, String name) {
    return essential("kec-" + slug, "Kecamatan " + name, Kind.KECAMATAN, 0.15, Duty.KECAMATAN);
  }

  private static Entry distrik(String slug, String name) {
    // In Papua the kecamatan is called distrik.
    return essential("distrik-" + slug, "Distrik " + name, Kind.KECAMATAN, 0.15, Duty.KECAMATAN);
  }

  private static Entry kelurahan(String slug, String name) {
    return essential("kel-" + slug, "Kelurahan " + name, Kind.KELURAHAN, 0.20, Duty.KELURAHAN);
  }

  /** A puskesmas; a rawat inap one keeps a 24-hour emergency room with staff on shifts. */
  private static Entry puskesmas(String slug, String name, boolean rawatInap) {
    return essential(
        "puskesmas-" + slug,
        "Puskesmas " + name,
        Kind.PUSKESMAS,
        0.20,
        rawatInap ? Duty.PUSKESMAS_24H : Duty.PUSKESMAS);
  }

  private static Entry rsud(String city) {
    return essential("rsud", "Rumah Sakit Umum Daerah Kota " + city, Kind.RSUD, 0.20, Duty.RSUD);
  }

  static final Entry DISDUKCAPIL =
      essential(
          "disdukcapil",
          "Dinas Kependudukan dan Pencatatan Sipil",
          Kind.DINAS,
          0.15,
          Duty.FIELD_OFFICE);
  static final Entry DINKES =
      essential("dinkes", "Dinas Kesehatan", Kind.DINAS, 0.12, Duty.DINKES_PSC);
  static final Entry DAMKAR =
      essential(
          "damkar", "Dinas Pemadam Kebakaran dan Penyelamatan", Kind.DINAS, 0.20, Duty.DAMKAR);
  static final Entry SATPOLPP =
      essential("satpolpp", "Satuan Polisi Pamong Praja", Kind.DINAS, 0.18, Duty.SATPOLPP);
  static final Entry DISHUB =
      essential("dishub", "Dinas Perhubungan", Kind.DINAS, 0.15, Duty.DISHUB);
  static final Entry DLH =
      essential("dlh", "Dinas Lingkungan Hidup", Kind.DINAS, 0.15, Duty.FIELD_OFFICE);
  static final Entry DPMPTSP =
      essential(
          "dpmptsp",
          "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
          Kind.DINAS,
          0.12,
          Duty.OFFICE);
  static final Entry BKPSDM =
      office("bkpsdm", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", Kind.BADAN);

  private static List<Entry> commonOffices() {
    return List.of(
        SATPOLPP,
        DISHUB,
        DLH,
        DPMPTSP,
        office("setda", "Sekretariat Daerah", Kind.SEKRETARIAT),
        office("bappeda", "Badan Perencanaan Pembangunan Daerah", Kind.BADAN),
        office("bpkad", "Badan Pengelolaan Keuangan dan Aset Daerah", Kind.BADAN),
        office("bapenda", "Badan Pendapatan Daerah", Kind.BADAN),
        office("inspektorat", "Inspektorat", Kind.BADAN),
        office("kesbangpol", "Badan Kesatuan Bangsa dan Politik", Kind.BADAN),
        office("bpbd", "Badan Penanggulangan Bencana Daerah", Kind.BADAN, Duty.BPBD),
        office("diskominfo", "Dinas Komunikasi dan Informatika", Kind.DINAS),
        office("disdik", "Dinas Pendidikan", Kind.DINAS),
        office("dinsos", "Dinas Sosial", Kind.DINAS, Duty.FIELD_OFFICE),
        office("dpupr", "Dinas Pekerjaan Umum dan Penataan Ruang", Kind.DINAS, Duty.FIELD_OFFICE),
        office("disnaker", "Dinas Ketenagakerjaan", Kind.DINAS),
        office("dispora", "Dinas Pemuda dan Olahraga", Kind.DINAS),
        office("dinkopukm", "Dinas Koperasi dan Usaha Kecil dan Menengah", Kind.DINAS),
        office("disbudpar", "Dinas Kebudayaan dan Pariwisata", Kind.DINAS),
        office("dp3a", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", Kind.DINAS),
        office("dispusip", "Dinas Perpustakaan dan Kearsipan", Kind.DINAS));
  }

  private static List<Entry> pool(Entry rsud, List<Entry> local) {
    List<Entry> all = new ArrayList<>(commonOffices());
    all.add(rsud);
    all.addAll(local);
    return List.copyOf(all);
  }

  static final RegionSpec TANGERANG =
      new RegionSpec(
          "kota-tangerang",
          "tng",
          "Kota Tangerang",
          "Banten",
          ZoneId.of("Asia/Jakarta"),
          -6.1783,
          106.6319,
          List.of(DISDUKCAPIL, DINKES, DAMKAR, kecamatan("cipondoh", "Cipondoh"), BKPSDM),
          pool(
              rsud("Tangerang"),
              List.of(
                  kecamatan("karawaci", "Karawaci"),
                  kecamatan("tangerang", "Tangerang"),
                  kecamatan("ciledug", "Ciledug"),
                  kecamatan("pinang", "Pinang"),
                  kecamatan("larangan", "Larangan"),
                  kecamatan("cibodas", "Cibodas"),
                  kecamatan("periuk", "Periuk"),
                  kecamatan("batuceper", "Batuceper"),
                  kecamatan("neglasari", "Neglasari"),
                  kecamatan("jatiuwung", "Jatiuwung"),
                  kecamatan("karang-tengah", "Karang Tengah"),
                  kecamatan("benda", "Benda"),
                  puskesmas("cipondoh", "Cipondoh", true),
                  puskesmas("karawaci-baru", "Karawaci Baru", true),
                  puskesmas("tanah-tinggi", "Tanah Tinggi", false),
                  puskesmas("ciledug", "Ciledug", false),
                  kelurahan("sukasari", "Sukasari"),
                  kelurahan("babakan", "Babakan"),
                  kelurahan("poris-plawad", "Poris Plawad"),
                  kelurahan("cikokol", "Cikokol"),
                  kelurahan("kelapa-indah", "Kelapa Indah"))));

  static final RegionSpec MAKASSAR =
      new RegionSpec(
          "kota-makassar",
          "mks",
          "Kota Makassar",
          "Sulawesi Selatan",
          ZoneId.of("Asia/Makassar"),
          -5.1339,
          119.4122,
          List.of(BKPSDM, DISDUKCAPIL, DINKES, kecamatan("panakkukang", "Panakkukang")),
          pool(
              rsud("Makassar"),
              List.of(
                  DAMKAR,
                  kecamatan("tamalate", "Tamalate"),
                  kecamatan("rappocini", "Rappocini"),
                  kecamatan("mariso", "Mariso"),
                  kecamatan("mamajang", "Mamajang"),
                  kecamatan("ujung-pandang", "Ujung Pandang"),
                  kecamatan("wajo", "Wajo"),
                  kecamatan("bontoala", "Bontoala"),
                  kecamatan("tallo", "Tallo"),
                  kecamatan("biringkanaya", "Biringkanaya"),
                  kecamatan("manggala", "Manggala"),
                  kecamatan("tamalanrea", "Tamalanrea"),
                  puskesmas("kassi-kassi", "Kassi-Kassi", true),
                  puskesmas("jumpandang-baru", "Jumpandang Baru", true),
                  puskesmas("pampang", "Pampang", false),
                  puskesmas("batua", "Batua", true),
                  kelurahan("karuwisi", "Karuwisi"),
                  kelurahan("masale", "Masale"),
                  kelurahan("pandang", "Pandang"),
                  kelurahan("tamamaung", "Tamamaung"))));

  static final RegionSpec JAYAPURA =
      new RegionSpec(
          "kota-jayapura",
          "jyp",
          "Kota Jayapura",
          "Papua",
          ZoneId.of("Asia/Jayapura"),
          -2.5530,
          140.7125,
          List.of(
              DISDUKCAPIL,
              DINKES,
              puskesmas("abepura", "Abepura", true),
              distrik("abepura", "Abepura")),
          pool(
              rsud("Jayapura"),
              List.of(
                  DAMKAR,
                  BKPSDM,
                  distrik("jayapura-utara", "Jayapura Utara"),
                  distrik("jayapura-selatan", "Jayapura Selatan"),
                  distrik("heram", "Heram"),
                  distrik("muara-tami", "Muara Tami"),
                  puskesmas("kotaraja", "Kotaraja", false),
                  puskesmas("hamadi", "Hamadi", true),
                  puskesmas("jayapura-utara", "Jayapura Utara", false),
                  puskesmas("waena", "Waena", true),
                  kelurahan("entrop", "Entrop"),
                  kelurahan("argapura", "Argapura"),
                  kelurahan("hamadi", "Hamadi"),
                  kelurahan("vim", "Vim"),
                  kelurahan("gurabesi", "Gurabesi"),
                  kelurahan("bhayangkara", "Bhayangkara"))));

  static final List<RegionSpec> REGIONS = List.of(TANGERANG, MAKASSAR, JAYAPURA);

  /** The most units a city can have: every region offers the same share of them. */
  static int maxUnits() {
    int smallest = REGIONS.stream().mapToInt(RegionSpec::size).min().orElse(0);
    return smallest * REGIONS.size();
  }
}
