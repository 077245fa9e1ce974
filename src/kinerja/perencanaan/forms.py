"""Forms of the planning pages. They parse what the user typed (Indonesian decimals,
dates, choices) and give each field an Indonesian message naming it; the rules (draft or
signed, duplicates, which target a kind of indicator needs) live in `layanan.py`, whose
errors the views attach to the same fields."""

from __future__ import annotations

import copy

from django import forms

from kinerja.inti.formulir import pesan_indonesia
from kinerja.pengukuran.forms import DesimalIndonesiaField
from kinerja.perencanaan import layanan
from kinerja.perencanaan.models import (
    ButirPK,
    JenisLangkah,
    JenisPeriode,
    JenisTarget,
    KelompokSasaran,
    PeriodeLangkah,
    Polaritas,
)

FORMAT_TANGGAL = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]


class _Tanggal(forms.DateField):
    def __init__(self, **kwargs):
        super().__init__(
            input_formats=FORMAT_TANGGAL,
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            **kwargs,
        )


class KepalaPKForm(forms.Form):
    """The parties and place of a PK (PermenPAN-RB 53/2014: pihak pertama berjanji kepada
    pihak kedua, biasanya atasan langsungnya)."""

    pihak_pertama_jabatan = forms.CharField(
        label="Jabatan pihak pertama",
        max_length=200,
        help_text="Pejabat yang berjanji, contoh: Camat Gambir.",
    )
    pihak_pertama_nama = forms.CharField(label="Nama pihak pertama", max_length=200, required=False)
    pihak_kedua_jabatan = forms.CharField(
        label="Jabatan pihak kedua",
        max_length=200,
        required=False,
        help_text="Atasan langsung, contoh: Wali Kota Administrasi Jakarta Pusat. Kosongkan "
        "untuk pernyataan kinerja kepala daerah (sepihak).",
    )
    pihak_kedua_nama = forms.CharField(label="Nama pihak kedua", max_length=200, required=False)
    tempat = forms.CharField(label="Tempat", max_length=100, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pesan_indonesia(self)

    def nilai_layanan(self) -> dict:
        return {k: self.cleaned_data[k] for k in KepalaPKForm.base_fields}


class BuatPKForm(KepalaPKForm):
    """A new PK: the unit (among those the user may plan for) and the year, then the parties."""

    organisasi = forms.ChoiceField(label="Unit")
    tahun = forms.IntegerField(
        label="Tahun", min_value=layanan.TAHUN_MIN, max_value=layanan.TAHUN_MAKS
    )

    field_order = ["organisasi", "tahun"]

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisasi"].choices = [(u.slug, u.nama) for u in units]
        self.order_fields(self.field_order)


def _pilihan_indikator(grup) -> list:
    pilihan = [("", "— pilih indikator yang sudah ada —")]
    for g in grup:
        judul = f"Sasaran {g.sasaran.nomor}: {g.sasaran.uraian[:90]}"
        pilihan.append(
            (
                judul,
                [
                    (i.pk, f"{i.nama[:120]}{f' ({hint})' if hint else ''}")
                    for i, hint in g.indikator
                ],
            )
        )
    return pilihan


class ButirBaruForm(forms.Form):
    """A new line: an existing indicator of the unit, or a new indicator (under an existing
    sasaran or a new one); then its target and order. Works without JavaScript: every field
    is shown, and the service refuses input that does not belong together."""

    indikator = forms.TypedChoiceField(
        label="Indikator", required=False, coerce=int, empty_value=None
    )
    sasaran = forms.TypedChoiceField(label="Sasaran", required=False, coerce=int, empty_value=None)
    sasaran_uraian = forms.CharField(
        label="Uraian sasaran baru",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Hanya bila sasarannya belum ada di daftar Sasaran.",
    )
    sasaran_kelompok = forms.ChoiceField(
        label="Kelompok sasaran baru",
        required=False,
        choices=[("", "— bawaan: Sasaran Strategis —"), *KelompokSasaran.choices],
    )
    indikator_nama = forms.CharField(
        label="Nama indikator baru",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    satuan = forms.CharField(
        label="Satuan",
        required=False,
        max_length=60,
        help_text="Satuan indikator baru, contoh: %, Nilai, Indeks, Dokumen.",
    )
    polaritas = forms.ChoiceField(
        label="Polaritas",
        required=False,
        choices=[("", "— bawaan: positif —"), *Polaritas.choices],
    )
    frekuensi = forms.ChoiceField(
        label="Frekuensi pengukuran",
        required=False,
        choices=[("", "— bawaan: tahunan —"), *JenisPeriode.choices],
    )
    target = DesimalIndonesiaField(
        label="Target", help_text="Angka, contoh: 90,35 (untuk indikator bertarget angka)."
    )
    target_bawah = DesimalIndonesiaField(label="Target bawah", help_text="Untuk target rentang.")
    target_atas = DesimalIndonesiaField(label="Target atas", help_text="Untuk target rentang.")
    target_teks = forms.CharField(
        label="Target kualitatif",
        required=False,
        max_length=60,
        help_text="Label untuk indikator kualitatif, contoh: WTP.",
    )
    urutan = forms.IntegerField(
        label="Urutan",
        required=False,
        min_value=1,
        max_value=layanan.URUTAN_MAKS,
        help_text="Kosongkan untuk menaruhnya di akhir.",
    )

    BAGIAN_LAMA = ("indikator",)
    BAGIAN_BARU = (
        "sasaran",
        "sasaran_uraian",
        "sasaran_kelompok",
        "indikator_nama",
        "satuan",
        "polaritas",
        "frekuensi",
    )
    BAGIAN_TARGET = ("target", "target_bawah", "target_atas", "target_teks", "urutan")

    def __init__(self, *args, grup_indikator, sasaran, **kwargs):
        super().__init__(*args, **kwargs)
        self._indikator = {i.pk: i for g in grup_indikator for i, _ in g.indikator}
        self._sasaran = {s.pk: s for s in sasaran}
        self.fields["indikator"].choices = _pilihan_indikator(grup_indikator)
        self.fields["sasaran"].choices = [("", "— sasaran baru (tulis di bawah) —")] + [
            (s.pk, f"{s.nomor}. {s.uraian[:110]}") for s in sasaran
        ]
        # Range and label targets only when an indicator on offer needs them (new
        # indicators have a numeric target).
        jenis = {i.jenis_target for i in self._indikator.values()}
        if JenisTarget.RENTANG not in jenis:
            del self.fields["target_bawah"], self.fields["target_atas"]
        if JenisTarget.KUALITATIF not in jenis:
            del self.fields["target_teks"]
        pesan_indonesia(self)

    # The three parts of the page, as bound fields (templates cannot pass arguments).
    def _bagian(self, nama: tuple[str, ...]) -> list:
        return [self[k] for k in nama if k in self.fields]

    @property
    def bagian_lama(self) -> list:
        return self._bagian(self.BAGIAN_LAMA)

    @property
    def bagian_baru(self) -> list:
        return self._bagian(self.BAGIAN_BARU)

    @property
    def bagian_target(self) -> list:
        return self._bagian(self.BAGIAN_TARGET)

    def nilai_layanan(self) -> dict:
        d = dict(self.cleaned_data)
        d["indikator"] = self._indikator.get(d["indikator"]) if d["indikator"] else None
        d["sasaran"] = self._sasaran.get(d["sasaran"]) if d["sasaran"] else None
        return d


class ButirUbahForm(forms.Form):
    """Target and order of a line of a draft PK; only the target fields the indicator uses."""

    target = DesimalIndonesiaField(label="Target")
    target_bawah = DesimalIndonesiaField(label="Target bawah")
    target_atas = DesimalIndonesiaField(label="Target atas")
    target_teks = forms.CharField(label="Target kualitatif", required=False, max_length=60)
    urutan = forms.IntegerField(
        label="Urutan", min_value=1, max_value=layanan.URUTAN_MAKS, required=False
    )

    def __init__(self, *args, butir: ButirPK, **kwargs):
        ind = butir.indikator
        kwargs.setdefault(
            "initial",
            {k: getattr(butir, k) for k in (*layanan.LABEL_TARGET, "urutan")},
        )
        super().__init__(*args, **kwargs)
        dipakai = layanan.BIDANG_TARGET[JenisTarget(ind.jenis_target)]
        for k in layanan.LABEL_TARGET:
            if k not in dipakai:
                del self.fields[k]
            else:
                self.fields[k].required = True
        if ind.satuan and "target" in self.fields:
            self.fields["target"].label = f"Target ({ind.satuan})"
        pesan_indonesia(self)

    def nilai_layanan(self) -> dict:
        return dict(self.cleaned_data)


class TandatanganiForm(forms.Form):
    tanggal = _Tanggal(label="Tanggal penandatanganan")
    tempat = forms.CharField(label="Tempat", max_length=100, required=False)
    konfirmasi = forms.BooleanField(
        label="PK ini sudah ditandatangani pihak pertama dan pihak kedua. Setelah dicatat, "
        "target hanya dapat diubah melalui revisi PK.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pesan_indonesia(self)
        self.fields["konfirmasi"].error_messages["required"] = (
            "Centang pernyataan bahwa PK sudah ditandatangani untuk mencatatnya."
        )


class KeteranganRevisiForm(forms.Form):
    """The legal basis, reason and date of a PK revision; also asked by the PK-target
    Excel import when it revises a signed PK (`pertukaran`)."""

    dasar_hukum = forms.CharField(
        label="Dasar hukum revisi",
        max_length=300,
        help_text="Contoh: Instruksi Sekretaris Daerah Nomor 19 Tahun 2024.",
    )
    alasan = forms.CharField(
        label="Alasan revisi",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Contoh: pergantian pejabat, perubahan anggaran yang memengaruhi target.",
    )
    tanggal = _Tanggal(label="Tanggal revisi", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pesan_indonesia(self)

    def keterangan(self) -> dict:
        d = self.cleaned_data
        return {"dasar_hukum": d["dasar_hukum"], "alasan": d["alasan"], "tanggal": d.get("tanggal")}


class RevisiForm(KeteranganRevisiForm):
    """A revision of a signed PK: legal basis, reason, and a new target per line (filled
    with the current target; only lines whose value changes are recorded)."""

    nomor_surat = forms.CharField(
        label="Nomor surat/keputusan",
        max_length=150,
        required=False,
        help_text="Contoh: Instruksi Sekretaris Daerah Nomor 19 Tahun 2024.",
    )
    tanggal_surat = _Tanggal(label="Tanggal surat/keputusan", required=False)
    dokumen = forms.FileField(
        label="Dokumen surat/keputusan (PDF)",
        required=False,
        help_text="PDF, diperiksa dari isinya; ukuran sesuai batas bukti dukung.",
    )

    def __init__(self, *args, butir: list[ButirPK], **kwargs):
        super().__init__(*args, **kwargs)
        self.baris = []
        for b in butir:
            ind = b.indikator
            if ind.jenis_target in layanan.JENIS_DAPAT_DIREVISI:
                nama = f"target_{b.pk}"
                self.fields[nama] = DesimalIndonesiaField(
                    label=f"Target baru {ind.nama[:80]}", initial=b.target, required=True
                )
                self.baris.append((b, nama))
            else:
                self.baris.append((b, None))
        pesan_indonesia(self)

    def baris_isian(self):
        """(butir, bound field or None) per line, for the table of the page."""
        return [(b, self[nama] if nama else None) for b, nama in self.baris]

    def nilai_layanan(self) -> dict:
        d = self.cleaned_data
        return {
            **self.keterangan(),
            "nomor_surat": d.get("nomor_surat", ""),
            "tanggal_surat": d.get("tanggal_surat"),
            "dokumen": d.get("dokumen"),
            "target_baru": {b.pk: d.get(nama) for b, nama in self.baris if nama},
        }


class TargetPeriodeForm(forms.Form):
    """The targets per period (the indicator's frequency) of one PK line; on a signed PK
    also the legal basis and reason of the revision."""

    def __init__(self, *args, butir: ButirPK, ditandatangani: bool, **kwargs):
        from kinerja.rumus.periode import JUMLAH_PERIODE, label_pendek

        super().__init__(*args, **kwargs)
        ind = butir.indikator
        lama = {
            t.ke: t.target for t in butir.target_periode.all() if t.jenis_periode == ind.frekuensi
        }
        self.periode = []
        for ke in range(1, JUMLAH_PERIODE[ind.frekuensi] + 1):
            nama = f"periode_{ke}"
            self.fields[nama] = DesimalIndonesiaField(
                label=f"Target {label_pendek(ind.frekuensi, ke)}",
                initial=lama.get(ke),
                required=False,
                help_text="Kosongkan bila periode ini diukur terhadap target tahunan.",
            )
            self.periode.append((ke, nama))
        if ditandatangani:
            for nama, f in KeteranganRevisiForm.base_fields.items():
                self.fields[nama] = copy.deepcopy(f)
        self.ditandatangani = ditandatangani
        pesan_indonesia(self)

    def nilai_layanan(self) -> dict:
        d = self.cleaned_data
        hasil = {"target": {ke: d.get(nama) for ke, nama in self.periode}}
        if self.ditandatangani:
            hasil |= {
                "dasar_hukum": d.get("dasar_hukum", ""),
                "alasan": d.get("alasan", ""),
                "tanggal": d.get("tanggal"),
            }
        return hasil


class LangkahForm(forms.Form):
    """A step of the rencana aksi with its targets per month (or quarter) and budget; the
    numbers are checked again by `layanan_renaksi.periksa_langkah` (kinerja.inti.nilai)."""

    uraian = forms.CharField(label="Uraian langkah", widget=forms.Textarea(attrs={"rows": 2}))
    butir = forms.TypedChoiceField(label="Indikator PK (butir)", required=False, coerce=int)
    kegiatan = forms.TypedChoiceField(
        label="Kegiatan / sub kegiatan anggaran", required=False, coerce=int
    )
    jenis = forms.ChoiceField(label="Jenis langkah", choices=JenisLangkah.choices)
    jenis_periode = forms.ChoiceField(label="Target per", choices=PeriodeLangkah.choices)
    satuan = forms.CharField(label="Satuan keluaran", max_length=60, required=False)
    anggaran = DesimalIndonesiaField(label="Anggaran (Rp)", required=False)
    urutan = forms.IntegerField(label="Urutan", required=False, min_value=0)

    def __init__(self, *args, butir, kegiatan, **kwargs):
        from kinerja.perencanaan.layanan_renaksi import label_ke

        super().__init__(*args, **kwargs)
        self.fields["butir"].choices = [("", "(tanpa butir PK)")] + [
            (b.pk, b.indikator.nama[:90]) for b in butir
        ]
        self.fields["kegiatan"].choices = [("", "(tanpa kegiatan)")] + [
            (k.pk, f"{k.get_tingkat_display()}: {k.nama[:90]}") for k in kegiatan
        ]
        self.target_bidang = []
        for ke in range(1, 13):
            nama = f"target_{ke}"
            self.fields[nama] = DesimalIndonesiaField(
                label=f"Target {label_ke('bulan', ke)} / TW {ke}" if ke <= 4 else
                f"Target {label_ke('bulan', ke)}",
                required=False,
            )  # fmt: skip
            self.target_bidang.append(nama)
        pesan_indonesia(self)

    def isian(self) -> dict:
        d = self.cleaned_data
        return {
            **{k: d.get(k) for k in ("uraian", "butir", "kegiatan", "jenis", "jenis_periode")},
            "satuan": d.get("satuan", ""),
            "anggaran": d.get("anggaran"),
            "urutan": d.get("urutan"),
            "target": {ke: d.get(f"target_{ke}") for ke in range(1, 13)},
        }


class RealisasiLangkahForm(forms.Form):
    bulan = forms.IntegerField(label="Bulan (1-12)")
    nilai = DesimalIndonesiaField(label="Realisasi keluaran bulan ini")
    anggaran_terpakai = DesimalIndonesiaField(label="Anggaran terpakai (Rp)", required=False)
    catatan = forms.CharField(
        label="Catatan", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    berkas = forms.FileField(label="Bukti dukung", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pesan_indonesia(self)


class ImporRenaksiForm(forms.Form):
    berkas = forms.FileField(label="Berkas Excel (.xlsx)")
    terapkan = forms.BooleanField(
        label="Terapkan (tanpa centang: hanya uji coba, tidak ada yang disimpan)", required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pesan_indonesia(self)
